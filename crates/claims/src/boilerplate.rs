//! Detection of blocks that are not the article: comments, sidebars, captions, credit lines.
