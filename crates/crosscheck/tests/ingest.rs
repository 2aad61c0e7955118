//! Ingest over the fixtures in tests/fixtures/ingest and the seed articles.

use std::path::{Path, PathBuf};

use crosscheck::ingest::{self, InputErrorKind, Load};
use crosscheck::{BlockKind, Document, Format, load_paths};
use crosscheck_claims::boilerplate::BlockRole;
use jiff::civil::date;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixtures() -> PathBuf {
    workspace().join("tests/fixtures/ingest")
}

fn seeds() -> PathBuf {
    workspace().join("examples/seeds")
}

fn load_one(path: PathBuf) -> Document {
    let mut load = load_paths(&[path]);
    assert!(load.errors.is_empty(), "{:?}", load.errors);
    assert_eq!(load.documents.len(), 1);
    load.documents.remove(0)
}

fn doc<'a>(load: &'a Load, id: &str) -> &'a Document {
    load.documents
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

/// The role of the first block whose text starts with `prefix`.
fn role_of(doc: &Document, prefix: &str) -> BlockRole {
    doc.blocks
        .iter()
        .find(|b| doc.block_text(b).starts_with(prefix))
        .unwrap_or_else(|| panic!("{}: no block starting {prefix:?}", doc.id))
        .role
}

/// The article's own text (article and heading blocks), joined.
fn article_text(doc: &Document) -> String {
    doc.article_blocks()
        .map(|b| doc.block_text(b))
        .collect::<Vec<_>>()
        .join("\n")
}

// ------------------------------------------------------------------ html

#[test]
fn html_page_metadata() {
    let doc = load_one(fixtures().join("pages/courier-floods.html"));
    assert_eq!(doc.id, "courier-floods");
    assert_eq!(doc.format, Format::Html);
    assert_eq!(
        doc.title.as_deref(),
        Some("Thousands evacuated as Redwater River floods")
    );
    assert_eq!(doc.outlet.as_deref(), Some("The Lakeside Courier"));
    assert_eq!(doc.author.as_deref(), Some("Maria Okafor"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://courier.example/news/redwater-floods")
    );
    assert_eq!(doc.published, Some(date(2025, 3, 14)));
    assert_eq!(
        doc.cited_sources,
        [
            "County Emergency Management",
            "National Weather Service",
            "Red Cross"
        ]
    );
    assert!(doc.errors.is_empty());
}

#[test]
fn html_page_drops_scripts_styles_nav_and_footer() {
    let doc = load_one(fixtures().join("pages/courier-floods.html"));
    for gone in [
        "dataLayer",
        "trackEvent",
        "color: #555",
        "Regional",
        "All rights reserved",
        "Sign up",
    ] {
        assert!(
            !doc.text.contains(gone),
            "{gone:?} should not be in the text"
        );
    }
    for nav_item in ["News", "Sport", "Weather", "The Lakeside Courier"] {
        assert!(
            !doc.blocks.iter().any(|b| doc.block_text(b) == nav_item),
            "nav item {nav_item:?} should not be a block"
        );
    }
}

#[test]
fn html_page_roles() {
    let doc = load_one(fixtures().join("pages/courier-floods.html"));
    use BlockRole::*;
    for (prefix, role) in [
        ("Thousands evacuated as Redwater River floods", Heading),
        ("By Maria Okafor", Byline),
        ("March 14, 2025", Furniture),
        ("Residents wade through Mill Street", Caption),
        ("More than 4,000 residents", Article),
        ("The county’s emergency management office", Article),
        ("Share on Facebook", Furniture),
        ("Shelters near capacity", Heading),
        ("Three shelters opened", Article),
        ("Read more: How the 2019 flood", Related),
        ("Forecasters at the National Weather Service", Article),
        ("Related", Related),
        ("Insurers brace for 10,000 claims", Related),
        ("Get the Courier's morning briefing", Subscribe),
        ("Sources: County Emergency Management", CreditLine),
        ("Most read", Related),
        ("Ferry service suspended for 3 weeks", Related),
        ("4 Comments", Comments),
        ("RiverWatcher", Comments),
        ("The county said 6,000 people last time.", Comments),
        ("Stay safe everyone!", Comments),
    ] {
        assert_eq!(role_of(&doc, prefix), role, "{prefix}");
    }
    let caption = doc.blocks.iter().find(|b| b.role == Caption).unwrap();
    assert_eq!(caption.kind, BlockKind::Caption);
    let article = article_text(&doc);
    for figure in ["4,000", "1,200", "nearly 1,500", "850", "0.5 and 0.8"] {
        assert!(article.contains(figure), "{figure} should be article text");
    }
    for furniture in [
        "6,000",
        "10,000",
        "$40 million",
        "2%",
        "3 weeks",
        "2019 flood changed",
    ] {
        assert!(
            !article.contains(furniture),
            "{furniture} should not be article text"
        );
    }
}

#[test]
fn html_page_skipped_blocks_are_visible_with_spans() {
    let doc = load_one(fixtures().join("pages/courier-floods.html"));
    let skipped = doc.skipped();
    assert!(
        skipped
            .iter()
            .any(|s| s.role == BlockRole::Comments && s.excerpt == "4 Comments")
    );
    for s in &skipped {
        assert!(doc.text[s.span.clone()].starts_with(s.excerpt.trim_end_matches('…')));
    }
}

#[test]
fn html_page_sentences() {
    let doc = load_one(fixtures().join("pages/courier-floods.html"));
    let sentences: Vec<&str> = doc.sentences().into_iter().map(|r| &doc.text[r]).collect();
    assert!(sentences.contains(
        &"Forecasters at the National Weather Service expect the river to crest at 9 p.m. Saturday, between 0.5 and 0.8 metres above the record set in 2019."
    ));
    assert!(sentences.contains(
        &"The county’s emergency management office said about 1,200 homes had been damaged, while the regional fire service put the figure at “nearly 1,500 properties.”"
    ));
    assert!(sentences.contains(&"The two counts were made hours apart."));
    assert!(!sentences.iter().any(|s| s.contains("RiverWatcher")));
}

// ----------------------------------------------------------------- jsonl

#[test]
fn jsonl_batch_reads_good_lines_and_reports_the_bad_one() {
    let load = load_paths(&[fixtures().join("wire.jsonl")]);
    let ids: Vec<&str> = load.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["wire/wire-001", "wire/wire-002", "wire/4"]);
    assert_eq!(load.errors.len(), 1);
    let error = &load.errors[0];
    assert_eq!(error.kind, InputErrorKind::MalformedLine);
    assert_eq!(error.line, Some(3));
    assert!(error.path.ends_with("wire.jsonl"));
    assert!(error.to_string().contains("wire.jsonl:3:"), "{error}");

    let first = doc(&load, "wire/wire-001");
    assert_eq!(first.format, Format::Jsonl);
    assert_eq!(first.outlet.as_deref(), Some("Meridian Wire"));
    assert_eq!(first.published, Some(date(2025, 4, 2)));
    assert_eq!(role_of(first, "Read more"), BlockRole::Related);
    assert_eq!(role_of(first, "Why Calvera's cranes"), BlockRole::Related);
    assert_eq!(role_of(first, "About 2,300 workers"), BlockRole::Article);

    let second = doc(&load, "wire/wire-002");
    assert_eq!(second.published, Some(date(2025, 4, 3)));
    assert_eq!(second.author.as_deref(), Some("Ana Ruiz, Tom Bell"));

    let third = doc(&load, "wire/4");
    assert_eq!(third.published, Some(date(2025, 4, 9)));
    assert_eq!(third.cited_sources, ["Harbour Daily", "Meridian Wire"]);
}

// -------------------------------------------------------------- markdown

#[test]
fn markdown_with_yaml_front_matter() {
    let doc = load_one(fixtures().join("yaml-front-matter.md"));
    assert_eq!(doc.format, Format::Markdown);
    assert_eq!(
        doc.title.as_deref(),
        Some("Vaccination drive reaches 80% of adults")
    );
    assert_eq!(doc.published, Some(date(2025, 5, 20)));
    assert_eq!(doc.outlet.as_deref(), Some("Northfield Health Weekly"));
    assert_eq!(doc.author.as_deref(), Some("Priya Raman, Leo Fischer"));
    assert_eq!(
        doc.url.as_deref(),
        Some("https://northfield.example/vaccination")
    );
    assert!(!doc.text.contains("tags"), "front matter is not text");
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
    assert_eq!(role_of(&doc, "What comes next"), BlockRole::Heading);
    assert_eq!(
        role_of(
            &doc,
            "The regional health board said on Monday that 80 percent of adults had received a first dose, up from 64 percent in March."
        ),
        BlockRole::Article
    );
    assert_eq!(
        role_of(
            &doc,
            "Officials expect the remaining 120,000 adults to be reached by July, according to the board's latest update."
        ),
        BlockRole::Article
    );
    assert_eq!(
        role_of(&doc, "Mobile units will visit 35 villages."),
        BlockRole::Article
    );
    assert_eq!(
        role_of(&doc, "\"We are ahead of schedule,\""),
        BlockRole::Article
    );
    assert_eq!(
        role_of(&doc, "Subscribe to our newsletter"),
        BlockRole::Subscribe
    );
    let sentences: Vec<&str> = doc.sentences().into_iter().map(|r| &doc.text[r]).collect();
    assert!(
        sentences
            .contains(&"\"We are ahead of schedule,\" said Dr. Amara Osei, the board's director.")
    );
}

#[test]
fn markdown_with_toml_front_matter() {
    let doc = load_one(fixtures().join("toml-front-matter.md"));
    assert_eq!(
        doc.title.as_deref(),
        Some("Council approves tram extension")
    );
    assert_eq!(doc.published, Some(date(2025, 2, 11)));
    assert_eq!(doc.outlet.as_deref(), Some("Valley Tribune"));
    assert_eq!(doc.author.as_deref(), Some("Henrik Lund"));
    assert_eq!(doc.blocks[0].kind, BlockKind::Heading);
    assert_eq!(
        role_of(&doc, "The city council voted 31 to 14"),
        BlockRole::Article
    );
    assert_eq!(
        role_of(&doc, "Also read: Tram ridership"),
        BlockRole::Related
    );
}

// ------------------------------------------------------------------ text

#[test]
fn text_with_header_block() {
    let doc = load_one(fixtures().join("header.txt"));
    assert_eq!(doc.id, "header");
    assert_eq!(doc.format, Format::Text);
    assert_eq!(
        doc.title.as_deref(),
        Some("Wildfire near Cobalt Ridge forces evacuations")
    );
    assert_eq!(
        doc.url.as_deref(),
        Some("https://ridge-herald.example/wildfire")
    );
    assert_eq!(doc.published, Some(date(2025, 6, 26)));
    assert_eq!(doc.outlet.as_deref(), Some("Ridge Herald"));
    assert_eq!(doc.author.as_deref(), Some("Sam Whitfield"));
    assert!(!doc.text.contains("URL:"), "the header is not text");
    assert_eq!(
        role_of(&doc, "Wildfire near Cobalt Ridge"),
        BlockRole::Heading
    );
    assert_eq!(role_of(&doc, "Fire crews said"), BlockRole::Article);
    assert_eq!(role_of(&doc, "Photo: Ridge Herald"), BlockRole::Caption);
    assert_eq!(
        role_of(&doc, "Sign up for wildfire alerts"),
        BlockRole::Subscribe
    );
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let doc = load_one(fixtures().join("latin1.txt"));
    assert!(
        doc.text
            .starts_with("Caf\u{fffd} owners said 40 businesses")
    );
    assert_eq!(doc.errors.len(), 1);
    assert!(doc.errors[0].contains("invalid UTF-8"));
}

// --------------------------------------------------------------- walking

#[test]
fn directory_walk_ids_order_and_skips() {
    let load = load_paths(&[fixtures()]);
    let ids: Vec<&str> = load.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "header",
            "latin1",
            "pages/courier-floods",
            "toml-front-matter",
            "wire/wire-001",
            "wire/wire-002",
            "wire/4",
            "yaml-front-matter",
        ]
    );
    // The malformed JSONL line is the only input error.
    assert_eq!(load.errors.len(), 1, "{:?}", load.errors);
    assert!(
        !load
            .documents
            .iter()
            .any(|d| d.text.contains("should never be loaded"))
    );
}

#[test]
fn file_given_directly_with_unknown_extension_is_text() {
    let doc = load_one(fixtures().join("notes.csv"));
    assert_eq!(doc.id, "notes");
    assert_eq!(doc.format, Format::Text);
    assert!(doc.text.contains("troops,5000"));
}

#[test]
fn hidden_file_given_directly_is_read() {
    let doc = load_one(fixtures().join(".draft.txt"));
    assert_eq!(doc.id, ".draft");
}

#[test]
fn missing_path_is_an_error_and_the_rest_still_loads() {
    let load = load_paths(&[
        fixtures().join("no-such-file.txt"),
        fixtures().join("header.txt"),
    ]);
    assert_eq!(load.documents.len(), 1);
    assert_eq!(load.errors.len(), 1);
    assert_eq!(load.errors[0].kind, InputErrorKind::NotFound);
    assert!(load.errors[0].path.ends_with("no-such-file.txt"));
}

#[test]
fn the_same_file_twice_is_read_once() {
    let load = load_paths(&[
        fixtures().join("header.txt"),
        fixtures().join("./header.txt"),
    ]);
    assert_eq!(load.documents.len(), 1);
}

#[test]
fn same_stem_from_two_arguments_gets_a_distinct_id() {
    let dir = scratch_dir("same-stem");
    std::fs::create_dir_all(dir.join("b")).unwrap();
    std::fs::write(dir.join("a.txt"), "One.").unwrap();
    std::fs::write(dir.join("b/a.md"), "Two.").unwrap();
    let load = load_paths(&[dir.join("a.txt"), dir.join("b/a.md")]);
    let ids: Vec<&str> = load.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "a~2"]);
    assert!(load.documents[1].errors[0].contains("duplicate document id"));
    std::fs::remove_dir_all(&dir).ok();
}

#[cfg(unix)]
#[test]
fn unreadable_file_gets_a_placeholder_and_an_error() {
    let dir = scratch_dir("unreadable");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("good.txt"),
        "Officials said 5,000 troops were sent.",
    )
    .unwrap();
    // A dangling link: listed by the walk, unreadable when opened (even as root).
    std::os::unix::fs::symlink(dir.join("missing-target.txt"), dir.join("broken.txt")).unwrap();
    let load = load_paths(std::slice::from_ref(&dir));
    let ids: Vec<&str> = load.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["broken", "good"]);
    let broken = &load.documents[0];
    assert!(broken.blocks.is_empty());
    assert!(broken.errors[0].starts_with("cannot read file"));
    assert_eq!(load.errors.len(), 1);
    assert_eq!(load.errors[0].kind, InputErrorKind::Unreadable);
    assert_eq!(load.errors[0].doc.as_deref(), Some("broken"));
    std::fs::remove_dir_all(&dir).ok();
}

fn scratch_dir(name: &str) -> PathBuf {
    std::env::temp_dir().join(format!("crosscheck-ingest-{}-{name}", std::process::id()))
}

#[test]
fn meta_serializes_the_report_fields() {
    let doc = load_one(fixtures().join("header.txt"));
    let json = serde_json::to_value(doc.meta()).unwrap();
    assert_eq!(json["id"], "header");
    assert!(json["path"].as_str().unwrap().ends_with("header.txt"));
    assert_eq!(
        json["title"],
        "Wildfire near Cobalt Ridge forces evacuations"
    );
    assert_eq!(json["outlet"], "Ridge Herald");
    assert_eq!(json["published"], "2025-06-26");
    assert_eq!(json["errors"], serde_json::json!([]));
    assert_eq!(json["skipped"][0]["role"], "caption");
}

// ----------------------------------------------------------------- seeds

fn seed_load() -> Load {
    let load = load_paths(&[seeds()]);
    assert!(load.errors.is_empty(), "{:?}", load.errors);
    load
}

#[test]
fn all_five_seeds_load_and_expected_md_is_not_an_article() {
    let load = seed_load();
    let ids: Vec<&str> = load.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "000_c66b8562cf7bc8f2",
            "001_f0de8808307eb9a3",
            "002_30129619340e97d5",
            "003_3a2924ce1886da0d",
            "004_09d4e8aa03720ade",
        ]
    );
    for d in &load.documents {
        assert!(d.errors.is_empty(), "{}: {:?}", d.id, d.errors);
        assert!(d.article_blocks().count() >= 5, "{}", d.id);
    }
}

#[test]
fn seed_000_related_headers_and_credit_lines_are_not_article() {
    let load = seed_load();
    let d = doc(&load, "000_c66b8562cf7bc8f2");
    assert_eq!(role_of(d, "Others are reading now"), BlockRole::Related);
    let also_read: Vec<BlockRole> = d
        .blocks
        .iter()
        .filter(|b| d.block_text(b) == "Also read")
        .map(|b| b.role)
        .collect();
    assert_eq!(also_read, [BlockRole::Related; 3]);
    assert_eq!(
        role_of(d, "Sources: Yonhap, Reuters, AP, NBC News"),
        BlockRole::CreditLine
    );
    assert_eq!(
        role_of(d, "This article is made and published by"),
        BlockRole::CreditLine
    );
    assert_eq!(d.cited_sources, ["Yonhap", "Reuters", "AP", "NBC News"]);
    // The article around the furniture stays article.
    assert_eq!(
        role_of(
            d,
            "South Korea’s National Intelligence Service (NIS) told lawmakers"
        ),
        BlockRole::Article
    );
    assert_eq!(role_of(d, "Officials also say"), BlockRole::Article);
    assert_eq!(role_of(d, "He added that"), BlockRole::Article);
    assert_eq!(role_of(d, "Expanding cooperation"), BlockRole::Heading);
}

#[test]
fn seed_000_sentences_survive_us_south_korea() {
    let load = seed_load();
    let d = doc(&load, "000_c66b8562cf7bc8f2");
    let sentences: Vec<&str> = d.sentences().into_iter().map(|r| &d.text[r]).collect();
    assert!(sentences.contains(
        &"Lee noted that any summit could take place after joint U.S.–South Korea military exercises scheduled for March."
    ));
    assert!(sentences.contains(&"Possible timing"));
}

#[test]
fn seed_001_comment_section_is_not_article() {
    let load = seed_load();
    let d = doc(&load, "001_f0de8808307eb9a3");
    let start = d
        .blocks
        .iter()
        .position(|b| d.block_text(b) == "5 Comments")
        .expect("5 Comments header");
    assert!(d.blocks[..start].iter().all(|b| b.role.is_article()));
    assert!(
        d.blocks[start..]
            .iter()
            .all(|b| b.role == BlockRole::Comments)
    );
    assert_eq!(d.blocks.len() - start, 11);
    let article = article_text(d);
    assert!(!article.contains("How confident is the source?"));
    assert!(!article.contains("Eric Cartman"));
    assert!(article.contains("approximately 10,000-12,000 troops"));
}

#[test]
fn seed_002_byline_and_markdown_headings() {
    let load = seed_load();
    let d = doc(&load, "002_30129619340e97d5");
    assert_eq!(role_of(d, "By: TA | AP Brief"), BlockRole::Byline);
    assert_eq!(d.author.as_deref(), Some("TA"));
    assert_eq!(
        role_of(d, "US South Korea security talks"),
        BlockRole::Heading
    );
    assert!(!d.text.contains("##"));
    let sentences: Vec<&str> = d.sentences().into_iter().map(|r| &d.text[r]).collect();
    assert!(sentences.iter().any(|s| s.starts_with("The North Korean-Russian meetings came days after U.S. Defense Secretary Pete Hegseth traveled")));
    assert!(sentences.contains(
        &"Around 5,000 North Korean military construction troops have been moving to Russia in phases since September"
    ));
}

#[test]
fn seed_003_read_next_run_and_comment_prompts_are_not_article() {
    let load = seed_load();
    let d = doc(&load, "003_3a2924ce1886da0d");
    let start = d
        .blocks
        .iter()
        .position(|b| d.block_text(b) == "Read next")
        .expect("Read next header");
    assert!(
        d.blocks[..start]
            .iter()
            .all(|b| b.role == BlockRole::Article)
    );
    let tail: Vec<BlockRole> = d.blocks[start..].iter().map(|b| b.role).collect();
    let related = tail.iter().filter(|r| **r == BlockRole::Related).count();
    assert_eq!(related, 12, "Read next, 5 timestamps, 5 teasers, 1 label");
    assert_eq!(&tail[12..], [BlockRole::Comments, BlockRole::Comments]);
    assert_eq!(role_of(d, "13:30"), BlockRole::Related);
    assert_eq!(
        role_of(d, "North Korea launched over 10 rockets"),
        BlockRole::Related
    );
    let article = article_text(d);
    assert!(article.contains("over 11,000 North Korean troops"));
    assert!(!article.contains("over 10 rockets"));
    assert!(!article.contains("13:30"));
}

#[test]
fn seed_004_posting_komentar_is_not_article() {
    let load = seed_load();
    let d = doc(&load, "004_09d4e8aa03720ade");
    assert_eq!(role_of(d, "Posting Komentar untuk"), BlockRole::Comments);
    let last = d.blocks.last().unwrap();
    assert_eq!(d.block_text(last), "Posting Komentar");
    assert_eq!(last.role, BlockRole::Comments);
    assert_eq!(
        role_of(
            d,
            "Seoul warns North Korea could send more troops to Russia by August"
        ),
        BlockRole::Heading
    );
    let article = article_text(d);
    for figure in [
        "6,000 North Korean military engineers",
        "an estimated 11,000 troops",
        "more than 10 million artillery shells",
        "81 percent",
    ] {
        assert!(article.contains(figure), "{figure}");
    }
}

// ------------------------------------------------------------ robustness

/// A small deterministic generator, so the test needs no extra crates.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn no_input_makes_ingest_panic() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<div class=\"comments\">",
        "</div>",
        "<script>",
        "---\n",
        "+++\n",
        "\n",
        "\n\n",
        "Title: x\n",
        "{\"text\": \"",
        "\"}",
        "{",
        "}",
        "# ",
        "> ",
        "- ",
        "[a](",
        "![",
        "**",
        "`",
        "\\",
        "U.S. ",
        "Jan. ",
        "13:30",
        "5 Comments",
        "Read next",
        "By ",
        "Sources: ",
        "é",
        "\u{feff}",
        "\u{fffd}",
        "。",
        "…",
        "\"",
        "“",
        ".",
        " ",
        "\r",
        "\t",
        "<!--",
        "-->",
        "```",
        "===",
        "<br>",
        "<meta property=\"article:published_time\" content=\"",
        "2025-13-45",
        "\u{200b}",
    ];
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..400 {
        let len = (rng.next() % 40) as usize;
        let input: String = (0..len)
            .map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize])
            .collect();
        for format in [Format::Text, Format::Markdown, Format::Html, Format::Jsonl] {
            let load = ingest::parse(&input, format, "fuzz", "fuzz");
            for d in &load.documents {
                for b in &d.blocks {
                    assert!(d.text.get(b.span.clone()).is_some());
                }
                for s in d.sentences() {
                    assert!(d.text.get(s).is_some());
                }
                let _ = serde_json::to_string(&d.meta()).unwrap();
            }
        }
    }
}
