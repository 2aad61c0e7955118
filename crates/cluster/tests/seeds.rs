//! The seed batch (examples/seeds) clusters as EXPECTED.md reads it.

use std::ops::Range;

use crosscheck_claims::boilerplate::classify;
use crosscheck_claims::claim::{Claim, Source, extract};
use crosscheck_claims::registry::SourceRegistry;
use crosscheck_cluster::{Cluster, Item, Thesaurus, cluster};

struct Seeds {
    /// (doc id, claim id, claim)
    claims: Vec<(String, String, Claim)>,
}

fn seeds() -> Seeds {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/seeds")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let registry = SourceRegistry::with_defaults();
    let mut claims = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).expect("a seed");
        let doc = p
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.split('_').next())
            .unwrap_or("?")
            .to_string();
        let mut lines: Vec<Range<usize>> = Vec::new();
        let mut pos = 0;
        for l in text.split_inclusive('\n') {
            let t = l.trim_end_matches(['\n', '\r']);
            if !t.trim().is_empty() {
                lines.push(pos..pos + t.len());
            }
            pos += l.len();
        }
        let strs: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        let blocks: Vec<Range<usize>> = lines
            .iter()
            .zip(classify(&strs))
            .filter(|(_, r)| r.is_article())
            .map(|(b, _)| b.clone())
            .collect();
        let found = extract(
            Source {
                text: &text,
                blocks: &blocks,
                published: None,
            },
            &registry,
        );
        for (n, c) in found.into_iter().enumerate() {
            claims.push((doc.clone(), format!("{doc}#{}", n + 1), c));
        }
    }
    Seeds { claims }
}

impl Seeds {
    fn items(&self) -> Vec<Item<'_>> {
        self.claims
            .iter()
            .map(|(doc, id, claim)| Item {
                id,
                doc,
                published: None,
                claim,
            })
            .collect()
    }
}

fn texts(items: &[Item<'_>], c: &Cluster) -> Vec<String> {
    c.members
        .iter()
        .map(|&m| format!("{} {}", items[m].doc, items[m].claim.text))
        .collect()
}

fn find<'a>(items: &[Item<'_>], clusters: &'a [Cluster], doc: &str, text: &str) -> &'a Cluster {
    clusters
        .iter()
        .find(|c| {
            c.members
                .iter()
                .any(|&m| items[m].doc == doc && items[m].claim.text == text)
        })
        .expect("the figure is clustered")
}

#[test]
fn seed_clusters_match_expected() {
    let s = seeds();
    let items = s.items();
    let clusters = cluster(&items, &Thesaurus::builtin());
    for c in &clusters {
        eprintln!(
            "{} [{}] {:?} {:?} part_of={:?}",
            c.id,
            c.label,
            c.key,
            texts(&items, c),
            c.part_of
        );
    }
    let total = find(&items, &clusters, "000", "roughly 15,000");
    assert_eq!(
        texts(&items, total),
        [
            "000 thousands more",
            "000 roughly 15,000",
            "001 approximately 10,000-12,000",
            "001 an additional 3,000-4,000",
            "002 around 15,000",
            "003 over 11,000",
            "004 an estimated 11,000",
        ]
    );
    assert_eq!(total.label, "troops sent to Russia");
    let construction = find(&items, &clusters, "004", "6,000");
    assert_eq!(
        texts(&items, construction),
        [
            "000 about 5,000",
            "000 Another 1,000",
            "001 thousands",
            "001 1,000",
            "001 5,000",
            "002 Around 5,000",
            "002 thousands",
            "002 around 5,000",
            "004 6,000",
        ]
    );
    assert_eq!(construction.duplicates.len(), 1);
    let border = find(&items, &clusters, "000", "nearly 10,000");
    assert_eq!(border.members.len(), 1);
    let whole = border.part_of.map(|p| &clusters[p]);
    assert_eq!(whole.map(|w| w.id.as_str()), Some(total.id.as_str()));
    for (doc, text) in [("004", "more than 10 million"), ("004", "81 percent")] {
        assert_eq!(
            find(&items, &clusters, doc, text).members.len(),
            1,
            "{text}"
        );
    }
}
