//! The source registry: aliases, kinds and priors of the sources news cites.
