//! Prints the claims of the seed articles (development aid).
use crosscheck_claims::boilerplate::classify;
use crosscheck_claims::claim::{Source, extract};
use crosscheck_claims::registry::SourceRegistry;

fn main() {
    let reg = SourceRegistry::with_defaults();
    let mut paths: Vec<_> = std::fs::read_dir("examples/seeds")
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in paths {
        let text = std::fs::read_to_string(&p).unwrap();
        let mut lines = Vec::new();
        let mut pos = 0;
        for l in text.split_inclusive('\n') {
            let t = l.trim_end_matches(['\n', '\r']);
            if !t.trim().is_empty() {
                lines.push(pos..pos + t.len());
            }
            pos += l.len();
        }
        let strs: Vec<&str> = lines.iter().map(|r| &text[r.clone()]).collect();
        let roles = classify(&strs);
        let blocks: Vec<_> = lines
            .iter()
            .zip(roles)
            .filter(|(_, r)| r.is_article())
            .map(|(b, _)| b.clone())
            .collect();
        let claims = extract(
            Source {
                text: &text,
                blocks: &blocks,
                published: None,
            },
            &reg,
        );
        println!("=== {}", p.display());
        for c in claims {
            let a = c.attribution.as_ref();
            println!(
                "{:?} [{:?},{:?}] {:?} q={:?} add={} counted={:?} mods={:?} also={:?} cat={:?} el={:?} actor={:?} action={:?} time={:?} cum={:?} mod={:?} hedges={:?}\n     attr={:?} src={:?} kind={:?} via={:?} joint={:?} inh={:?} fam={:?}",
                c.text,
                c.low,
                c.high,
                c.kind,
                c.qualifier,
                c.additional,
                c.counted.as_ref().map(|x| &x.head),
                c.counted.as_ref().map(|x| &x.modifiers),
                c.counted.as_ref().map(|x| &x.also),
                c.counted.as_ref().map(|x| x.category),
                c.counted.as_ref().map(|x| x.elided),
                c.actor,
                c.action,
                c.time.as_ref().map(|t| (&t.as_written, &t.expr)),
                c.time.as_ref().map(|t| t.cumulative),
                c.modality,
                c.hedges,
                a.map(|a| &a.as_written),
                a.map(|a| &a.source),
                a.map(|a| a.kind),
                a.map(|a| &a.via),
                a.map(|a| &a.joint),
                a.map(|a| a.inherited),
                a.map(|a| reg.origin_family(&a.source))
            );
        }
    }
}
