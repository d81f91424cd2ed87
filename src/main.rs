//! The `stancemap` binary: parse the command line, then open the window or run a headless command.

fn main() -> std::process::ExitCode {
    stancemap::cli::main()
}
