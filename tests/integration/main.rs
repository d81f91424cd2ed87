//! Integration tests: one binary (`autotests = false`), one module per area.

mod architecture;
mod cases;
mod cli;
mod export;
mod properties;
mod samples;
mod ui;
