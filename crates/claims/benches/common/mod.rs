//! What the claims benches share: the bundled seed articles.

/// The text of each bundled seed article (`examples/seeds/*.txt`), in
/// file-name order.
pub fn seed_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("examples/seeds exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("seed article is readable"))
        .collect()
}
