//! Text to claims: the grammars that find numeric expressions in news text.
//!
//! The entry point today is [`quantity::find`], which returns every numeric
//! expression in a string with its byte span, interval, kind and qualifier:
//!
//! ```
//! use crosscheck_claims::quantity::{self, Kind, Qualifier};
//!
//! let text = "about 5,000 troops and more than 10 million shells";
//! let found = quantity::find(text);
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].text(text), "about 5,000");
//! assert_eq!(found[0].qualifier, Some(Qualifier::About));
//! assert_eq!(found[1].low, Some(10_000_000.0));
//! assert_eq!(found[1].high, None);
//! assert_eq!(found[1].kind, Kind::Number);
//! ```

pub mod attribution;
pub mod boilerplate;
pub mod case;
pub mod claim;
pub mod counted;
pub mod modality;
mod prefilter;
pub mod quantity;
pub mod registry;
pub mod sentence;
pub mod time;
