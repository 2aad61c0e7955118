//! crosscheck: audit batches of news articles for conflicting figures.
