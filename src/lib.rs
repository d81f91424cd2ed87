//! stancemap reads a news article and maps who stands where: the actors it names, who said each
//! quote, the roles that link them and the stances between them.
//!
//! The pipeline, one module per stage, data flowing one way:
//! 1. [`article`]: bytes → [`article::Article`] (decoding, HTML/Markdown, sentences, tokens)
//! 2. [`extract`]: article + lexicon → [`extract::Extraction`] (entities, quotes, relations)
//! 3. [`graph`]: extraction → [`graph::KnowledgeGraph`]
//!
//! [`cli`] runs the stages headless; the window lives in `app`.

pub mod article;
pub mod extract;
pub mod graph;
pub mod layout;
pub mod render;

pub mod app;
pub mod cli;
