//! Claim extraction on small articles written for these tests: chains of
//! sources, pronouns carried across sentences, joint sources, interested
//! parties, plans against events, hedges and elided nouns.

use crosscheck_claims::claim::{Claim, Source, extract};
use crosscheck_claims::modality::Modality;
use crosscheck_claims::registry::{SourceKind, SourceRegistry};
use crosscheck_claims::time::Date;

/// Claims of `text`, one block per line.
fn claims(text: &str, published: Option<Date>) -> Vec<Claim> {
    let mut blocks = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if !trimmed.is_empty() {
            blocks.push(start..start + trimmed.len());
        }
        start += line.len();
    }
    extract(
        Source {
            text,
            blocks: &blocks,
            published,
        },
        &SourceRegistry::with_defaults(),
    )
}

fn find<'a>(all: &'a [Claim], text: &str) -> &'a Claim {
    all.iter()
        .find(|c| c.text == text)
        .unwrap_or_else(|| panic!("no claim {text:?} in {all:#?}"))
}

#[test]
fn chain_of_three_sources_reuters_citing_officials_briefed_by_the_agency() {
    let text = "The National Intelligence Service (NIS) briefed lawmakers on Monday.\n\
                About 2,000 workers have left for Russia, Reuters reported, citing members of the parliamentary intelligence committee.";
    let all = claims(text, None);
    let a = find(&all, "About 2,000").attribution.clone().unwrap();
    assert_eq!(a.source, "NIS");
    assert_eq!(a.via.last().map(String::as_str), Some("Reuters"));
    assert_eq!(a.via.len(), 2, "{a:?}");
}

#[test]
fn pronoun_carried_across_sentences() {
    let text = "Ukraine's military intelligence said on Friday that Moscow had lost 300 tanks.\n\
                It also estimated that more than 1,200 soldiers were killed.";
    let all = claims(text, None);
    let first = find(&all, "300").attribution.clone().unwrap();
    let second = find(&all, "more than 1,200").attribution.clone().unwrap();
    assert_eq!(second.source, first.source);
    assert_eq!(find(&all, "more than 1,200").modality, Modality::Estimated);
}

#[test]
fn he_said_resolves_to_the_named_official() {
    let text = "Defense Minister Shin Won-sik spoke to reporters in Seoul.\n\
                He said about 3,000 troops had been moved to the front.";
    let all = claims(text, None);
    let a = find(&all, "about 3,000").attribution.clone().unwrap();
    assert!(
        a.source.contains("Shin") || a.kind == SourceKind::NamedOfficial,
        "{a:?}"
    );
}

#[test]
fn interested_party_state_media_about_its_own_state() {
    let text = "KCNA said 10,000 volunteers had joined the army.";
    let all = claims(text, None);
    let a = find(&all, "10,000").attribution.clone().unwrap();
    assert_eq!(a.source, "KCNA");
    assert_eq!(a.kind, SourceKind::StateMedia);
    assert!(
        SourceRegistry::with_defaults()
            .is_interested_party(&a.source, "North Korea volunteers army")
    );
}

#[test]
fn plan_and_event_are_told_apart() {
    let text = "Pyongyang agreed to send 6,000 engineers, officials said.\n\
                Around 5,000 engineers have already arrived, officials said.";
    let all = claims(text, None);
    assert_eq!(find(&all, "6,000").modality, Modality::Planned);
    assert_eq!(find(&all, "Around 5,000").modality, Modality::Asserted);
    assert_eq!(
        find(&all, "6,000").attribution.as_ref().unwrap().kind,
        SourceKind::Anonymous
    );
}

#[test]
fn elided_noun_is_carried_from_the_figure_before() {
    let text = "Officials estimate 10,000-12,000 troops were sent last fall, with an additional 3,000-4,000 deployed earlier this year.";
    let all = claims(text, None);
    let c = find(&all, "an additional 3,000-4,000");
    let counted = c.counted.as_ref().unwrap();
    assert!(counted.elided);
    assert_eq!(counted.head, "troop");
    assert!(c.additional);
}

#[test]
fn time_scope_resolves_with_a_publication_date() {
    let text = "The agency said about 5,000 personnel have been sent since September.";
    let published = Date::new(2025, 6, 27);
    let all = claims(text, published);
    let t = find(&all, "about 5,000").time.clone().unwrap();
    assert!(t.cumulative);
    let r = t.resolved.unwrap();
    assert_eq!(r.start, Date::new(2024, 9, 1).unwrap());
    assert_eq!(r.end, published.unwrap());
}

#[test]
fn said_on_sunday_dates_the_saying_not_the_figure() {
    let text = "The death toll rose to 1,240, the Interior Ministry said on Sunday.\n\
                The ministry said on Monday that 300 people were injured.\n\
                Another 40 people were killed on Sunday, the ministry said.\n";
    let all = claims(text, Date::new(2025, 3, 4));
    assert_eq!(find(&all, "1,240").time, None);
    assert_eq!(find(&all, "300").time, None);
    let t = find(&all, "Another 40").time.clone().unwrap();
    assert_eq!(t.as_written, "on Sunday");
    // A running total is the figure's, even right after "said".
    let all = claims(
        "The ministry said since February 12,000 people have fled.\n",
        Date::new(2025, 3, 4),
    );
    assert!(find(&all, "12,000").time.as_ref().unwrap().cumulative);
}

#[test]
fn the_death_toll_rose_to_a_figure_from_officials_speaking_anonymously() {
    let text = "The death toll from Saturday's earthquake rose to 1,240, the Interior Ministry said.\n\
                Rescue officials, speaking on condition of anonymity, said the toll could exceed 2,000.\n";
    let all = claims(text, None);
    let toll = find(&all, "1,240");
    let counted = toll.counted.as_ref().unwrap();
    assert_eq!(
        (counted.as_written.as_str(), counted.head.as_str()),
        ("death toll", "toll")
    );
    assert_eq!(
        toll.attribution.as_ref().unwrap().source,
        "Interior Ministry"
    );
    let feared = find(&all, "exceed 2,000");
    let a = feared.attribution.as_ref().unwrap();
    assert_eq!(
        (a.as_written.as_str(), a.kind),
        (
            "Rescue officials, speaking on condition of anonymity, said",
            SourceKind::Anonymous
        )
    );
    assert!(!a.inherited);
    assert_eq!(feared.modality, Modality::Possible);
}

#[test]
fn two_officials_said_names_a_source_not_a_figure() {
    let text = "Two officials, who spoke on condition of anonymity, said 300 troops were sent.\n\
                According to three people familiar with the matter, 40 tanks were lost.\n\
                Reuters, citing two sources, reported that 12 ships were hit.\n";
    let all = claims(text, None);
    let texts: Vec<&str> = all.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["300", "40", "12"]);
    // A number in a source's description that does not count its people is a claim.
    let tally = claims(
        "The quake killed hundreds, according to a government tally of 870 deaths.\n",
        None,
    );
    assert!(tally.iter().any(|c| c.text == "870"), "{tally:#?}");
    assert_eq!(
        find(&all, "300").attribution.as_ref().unwrap().source,
        "Two officials"
    );
}

#[test]
fn far_more_than_the_1200_the_company_announced() {
    let text = "The autoworkers' union said Northwind plans to eliminate 3,000 jobs, far more than the 1,200 the company announced.\n";
    let all = claims(text, None);
    assert_eq!(
        find(&all, "3,000").attribution.as_ref().unwrap().source,
        "autoworkers' union"
    );
    let own = find(&all, "1,200").attribution.as_ref().unwrap();
    assert_eq!(
        (own.as_written.as_str(), own.source.as_str()),
        ("the company announced", "company")
    );
    // The speaker after both figures is the other figure's; the company's
    // clause is neither that figure's nor what the next sentence carries.
    let text = "3,000 jobs would go, far more than the 1,200 the company announced, the union said.\n\
                A further 500 contract jobs are at risk.\n";
    let all = claims(text, None);
    let source = |t: &str| find(&all, t).attribution.as_ref().unwrap().source.clone();
    assert_eq!(source("3,000"), "union");
    assert_eq!(source("1,200"), "company");
    assert_eq!(source("A further 500"), "union");
}

#[test]
fn far_more_than_the_governments_figure_of_1200() {
    let text = "The opposition party claimed on Monday that 3,500 people had died, far more than the government's figure of 1,200.\n";
    let all = claims(text, None);
    let source = |t: &str| find(&all, t).attribution.as_ref().unwrap().source.clone();
    assert_eq!(source("3,500"), "opposition party");
    let own = find(&all, "1,200").attribution.as_ref().unwrap();
    assert_eq!(
        (own.as_written.as_str(), own.source.as_str()),
        ("government's figure of", "government")
    );
}

#[test]
fn money_and_percent_are_claims_even_without_a_noun() {
    let all = claims(
        "The fund grew by $4.5 billion, or 12%, the ministry said.",
        None,
    );
    assert_eq!(
        find(&all, "$4.5 billion").counted.as_ref().unwrap().head,
        "money"
    );
    assert!(all.iter().any(|c| c.text == "12%"));
}

#[test]
fn referential_small_numbers_are_not_claims() {
    let all = claims(
        "The two sides met in Pyongyang, where the three delegations agreed.",
        None,
    );
    assert!(all.is_empty(), "{all:#?}");
}

#[test]
fn x_citing_y_said_gives_y_as_the_origin() {
    let all = claims(
        "Reuters, citing the Health Ministry, said 120 people were killed.",
        None,
    );
    let a = find(&all, "120").attribution.clone().unwrap();
    assert_ne!(a.source, "Reuters", "{a:?}");
    assert_eq!(a.via, vec!["Reuters".to_string()], "{a:?}");
}

#[test]
fn the_ceasefire_came_12_days_after_is_not_carried_to_the_last_speaker() {
    let text = "The NIS said Pyongyang sent 11,000 troops.\n\
                The ceasefire came 12 days after their latest clashes.\n\
                Another 2,000 troops followed.\n\
                The NIS said the fighting lasted 12 days.\n";
    let all = claims(text, None);
    // A length of time in narration: no source.
    assert!(
        all[1].text == "12" && all[1].attribution.is_none(),
        "{:#?}",
        all[1]
    );
    // A count in narration is still carried; a length of time that the
    // sentence attributes keeps its source.
    assert!(
        find(&all, "Another 2,000")
            .attribution
            .as_ref()
            .unwrap()
            .inherited
    );
    let own = all[3].attribution.as_ref().unwrap();
    assert!(all[3].text == "12" && !own.inherited && own.source == "NIS");
}

#[test]
fn up_from_24000_and_an_earlier_toll_of_12_are_earlier_values() {
    use crosscheck_claims::time::TimeExpr;
    let text = "Since January, about 31,000 people have reached Italy by sea, up from 24,000 in the same period last year.\n\
                The coast guard said 14 people died, raising an earlier toll of 12.\n\
                Some 3,000 people were still displaced, down from a peak of 7,000.\n";
    let all = claims(text, None);
    let expr = |t: &str| find(&all, t).time.as_ref().map(|s| s.expr.clone());
    for earlier in ["24,000", "12", "7,000"] {
        assert_eq!(expr(earlier), Some(TimeExpr::Earlier), "{earlier}");
    }
    // The figure compared with keeps its own scope, or none.
    assert_ne!(expr("about 31,000"), Some(TimeExpr::Earlier));
    assert_eq!(expr("14"), None);
    assert_eq!(expr("Some 3,000"), None);
    assert_eq!(
        find(&all, "12").time.as_ref().unwrap().as_written,
        "an earlier toll of"
    );
    let text = "Net profit fell to $300 million from $450 million a year earlier.\n\
                The carmaker now expects to sell 1.1 million vehicles, down from its earlier forecast of 1.25 million.\n";
    let all = claims(text, None);
    let time = |t: &str| {
        find(&all, t)
            .time
            .as_ref()
            .map(|s| (s.expr.clone(), s.as_written.clone()))
    };
    assert_eq!(
        time("$450 million"),
        Some((TimeExpr::Earlier, "from".to_string()))
    );
    assert_eq!(
        time("1.25 million"),
        Some((TimeExpr::Earlier, "its earlier forecast of".to_string()))
    );
    assert_ne!(time("$300 million").map(|t| t.0), Some(TimeExpr::Earlier));
}

#[test]
fn won_182_of_the_300_seats_is_one_claim() {
    let all = claims(
        "The ruling party won 182 of the 300 seats.\nTwo of the 12 crew members survived.\n",
        None,
    );
    let texts: Vec<&str> = all.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["182", "Two"], "{all:#?}");
    assert_eq!(all[0].counted.as_ref().unwrap().as_written, "300 seats");
}

#[test]
fn turnout_was_58_percent_down_from_64_percent_in_2021() {
    let all = claims(
        "Turnout was 58 percent, down from 64 percent in 2021.\n\
         Kim agreed to send 1,000 sappers and 5,000 workers in July.\n",
        None,
    );
    let time = |t: &str| find(&all, t).time.as_ref().map(|s| s.as_written.clone());
    // The year is the earlier value's, past a comma and another figure.
    assert_eq!(time("58 percent"), None);
    assert_eq!(time("64 percent").as_deref(), Some("down from"));
    // Conjoined figures in one clause share a scope after them.
    assert_eq!(time("1,000").as_deref(), Some("in July"));
    assert_eq!(time("5,000").as_deref(), Some("in July"));
}

#[test]
fn an_earlier_value_after_a_no_break_space_does_not_panic() {
    // Wide whitespace before "of" and "from": the words are read by char.
    let text = "Profit fell to $300\u{a0}million\u{a0}from $450\u{2003}million.\n\
                It is down from its\u{2003}earlier\u{a0}forecast\u{a0}of 1.25 million vehicles.\n";
    let all = claims(text, None);
    assert!(all.iter().any(|c| c.text.contains("450")), "{all:#?}");
}

#[test]
fn a_spokesman_speaking_on_condition_of_anonymity_is_anonymous() {
    let all = claims(
        "A spokesman for the regional government, speaking on condition of anonymity, said the toll could rise above 40.\n\
         A spokesman for the regional government said 30 homes were destroyed.\n",
        None,
    );
    let a = find(&all, "above 40").attribution.as_ref().unwrap();
    assert_eq!(
        (a.source.as_str(), a.kind),
        ("regional government", SourceKind::Anonymous)
    );
    let b = find(&all, "30").attribution.as_ref().unwrap();
    assert_ne!(b.kind, SourceKind::Anonymous);
}

#[test]
fn a_un_official_quoted_by_afp_is_relayed_by_afp() {
    let all = claims(
        "According to a UN official quoted by AFP, about 60 people may have died.\n",
        None,
    );
    let a = all[0].attribution.as_ref().unwrap();
    assert_eq!(a.source, "UN");
    assert_eq!(a.via, ["AFP"]);
}

#[test]
fn the_ruling_party_won_182_and_the_opposition_took_94_name_their_winners() {
    let all = claims(
        "The ruling party won 182 of the 300 seats in Sunday's election.\n\
         According to official results, the ruling party secured 178 seats, while the opposition won 97.\n\
         The opposition alliance, which took 94 seats, said it had evidence of fraud at more than 1,000 polling stations.\n\
         The journey took 12 days.\n",
        None,
    );
    let winner = |t: &str| {
        let c = find(&all, t);
        (c.action.as_deref(), c.actor.as_deref())
    };
    assert_eq!(winner("182"), (Some("win"), Some("ruling party")));
    assert_eq!(winner("178"), (Some("win"), Some("ruling party")));
    assert_eq!(winner("97"), (Some("win"), Some("opposition")));
    assert_eq!(winner("94"), (Some("win"), Some("opposition alliance")));
    // "took" is a win only right before its figure.
    assert_ne!(winner("12").0, Some("win"));
}

#[test]
fn the_opposition_alliance_which_took_94_seats_said() {
    // A relative clause with a figure between the speaker and "said" is
    // skipped: the fraud claim is the alliance's. The seats it took are
    // narration, not the alliance's claim.
    let all = claims(
        "The ruling party won 182 seats, the electoral commission said.\n\
         The opposition alliance, which took 94 seats, said it had evidence of fraud at more than 1,000 polling stations.\n",
        None,
    );
    let source = |t: &str| find(&all, t).attribution.as_ref().map(|a| a.source.clone());
    assert_eq!(
        source("more than 1,000").as_deref(),
        Some("opposition alliance")
    );
    assert_eq!(source("94").as_deref(), Some("electoral commission"));
}

#[test]
fn observers_from_the_regional_monitoring_mission_are_the_mission() {
    let all = claims(
        "Observers from the regional monitoring mission said irregularities were recorded at about 300 polling stations.\n",
        None,
    );
    let a = find(&all, "about 300").attribution.as_ref().unwrap();
    assert_eq!(a.source, "regional monitoring mission");
    assert_ne!(a.kind, SourceKind::Anonymous);
}

#[test]
fn a_company_statement_is_the_company_the_article_names() {
    let all = claims(
        "Northwind Motors will cut 2,000 jobs at its plant in Halden, according to a company statement.\n\
         Union leaders put the figure at 3,500 jobs.\n",
        None,
    );
    let source = |t: &str| find(&all, t).attribution.as_ref().map(|a| a.source.clone());
    assert_eq!(source("2,000").as_deref(), Some("Northwind Motors"));
    assert_eq!(source("3,500").as_deref(), Some("union"));
    // Two companies named: "the company" is not guessed.
    let all = claims(
        "Northwind Motors and its supplier Halden Steel Ltd will cut jobs.\n\
         The company said 2,000 jobs would go.\n",
        None,
    );
    assert_eq!(source_of(&all, "2,000").as_deref(), Some("company"));
}

fn source_of(all: &[Claim], text: &str) -> Option<String> {
    find(all, text)
        .attribution
        .as_ref()
        .map(|a| a.source.clone())
}

#[test]
fn unhcr_put_the_number_of_arrivals_at_1150_is_the_weekends_count() {
    let all = claims(
        "More than 1,300 migrants arrived on Lampedusa over the weekend, the ministry said.\n\
         The UN refugee agency UNHCR put the number of arrivals at 1,150, citing its staff.\n\
         UNHCR said 900 people were rescued.\n",
        None,
    );
    let time = |t: &str| find(&all, t).time.as_ref().map(|s| s.as_written.clone());
    assert_eq!(time("1,150").as_deref(), Some("over the weekend"));
    // Without a reference to a number given before, no time is carried.
    assert_eq!(time("900"), None);
}

#[test]
fn handed_over_307_is_307_and_a_48_hour_strike_is_no_figure() {
    let all = claims(
        "Moscow handed over 307 Ukrainian prisoners, the ministry said.\n\
         Pilots began a 48-hour strike, and 420 flights were cancelled.\n\
         At least 12 of the dead were children under five, the WHO said.\n\
         The exchange of 1,000 prisoners took place over three days.\n\
         In the past 24 hours, 1,230 soldiers were killed, the general staff said.\n\
         Officials said over 300 homes were destroyed.\n",
        None,
    );
    let texts: Vec<&str> = all.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        ["307", "420", "At least 12", "1,000", "1,230", "over 300"],
        "{all:#?}"
    );
    let handed = find(&all, "307");
    assert_eq!((handed.low, handed.high), (Some(307.0), Some(307.0)));
}

#[test]
fn police_counted_24000_while_organisers_said_110000() {
    let all = claims(
        "Organisers said 110,000 people marched in Paris on Thursday, while police counted 24,000.\n\
         In Marseille, the CGT union said 40,000 protesters took to the streets; police put the crowd at 8,500.\n\
         In Lyon, police counted 12,000 marchers and organisers said 30,000.\n\
         The CGT said more than one million people demonstrated, five times the government's figure.\n\
         The CGT union said 1.1 million took part across the country.\n",
        None,
    );
    let source = |t: &str| {
        let a = find(&all, t).attribution.as_ref().unwrap();
        (a.source.clone(), a.via.clone())
    };
    assert_eq!(source("24,000"), ("police".to_string(), vec![]));
    assert_eq!(source("8,500"), ("police".to_string(), vec![]));
    assert_eq!(source("12,000"), ("police".to_string(), vec![]));
    assert_eq!(source("30,000"), ("organisers".to_string(), vec![]));
    assert_eq!(source("40,000").0, "CGT");
    let counted = |t: &str| find(&all, t).counted.as_ref().unwrap().head.clone();
    assert_eq!(counted("12,000"), "marcher");
    assert_eq!(counted("40,000"), "protester");
    assert_eq!(counted("1.1 million"), "person");
    assert!(all.iter().all(|c| c.text != "five"), "{all:#?}");
}

#[test]
fn said_in_its_daily_update_on_wednesday_dates_the_saying() {
    let all = claims(
        "Russian casualties have likely exceeded 850,000, Britain's Ministry of Defence said in its daily intelligence update on Wednesday.\n\
         The ministry said in a statement on Monday that 300 troops were sent.\n\
         The ministry said 400 troops were sent in March.\n",
        None,
    );
    assert!(find(&all, "exceeded 850,000").time.is_none());
    // The figure between the verb and the day: the day is the figure's.
    let killed = claims(
        "The ministry said at least twelve people were killed on Monday.\n",
        None,
    );
    assert_eq!(
        find(&killed, "at least twelve")
            .time
            .as_ref()
            .map(|t| t.as_written.as_str()),
        Some("on Monday")
    );
    assert_eq!(
        find(&all, "400")
            .time
            .as_ref()
            .map(|t| t.as_written.as_str()),
        Some("in March")
    );
}

#[test]
fn zelensky_said_after_president_volodymyr_zelensky_is_the_same_person() {
    let all = claims(
        "Ukraine and Russia each released 390 prisoners on Friday, President Volodymyr Zelensky said.\n\
         Of those returned to Ukraine, 270 were soldiers and 120 were civilians, Zelensky said.\n",
        None,
    );
    let source = |t: &str| find(&all, t).attribution.as_ref().unwrap().source.clone();
    assert_eq!(source("390"), "President Volodymyr Zelensky");
    assert_eq!(source("270"), "President Volodymyr Zelensky");
    // "Of those": Friday's.
    assert_eq!(
        find(&all, "270")
            .time
            .as_ref()
            .map(|t| t.as_written.as_str()),
        Some("on Friday")
    );
    // Not "of those" inside the sentence, nor "the country" for "the count".
    let other = claims(
        "Ukraine and Russia each released 390 prisoners on Friday, officials said.\n\
         Relatives of those detained said 300 prisoners were still held.\n\
         Ukraine and Russia each released 390 prisoners on Friday, officials said.\n\
         Officials across the country said 200 prisoners were sick.\n",
        None,
    );
    assert!(find(&other, "300").time.is_none());
    assert!(find(&other, "200").time.is_none());
}

#[test]
fn the_european_union_pledged_is_the_union_s_own_statement() {
    let all = claims(
        "Donors pledged more than $2 billion for Sudan, French Foreign Minister Jean-Noel Barrot said.\n\
         The European Union pledged 522 million euros.\n\
         Britain announced £120 million in new funding, the Foreign Office said.\n\
         The United Nations had appealed for $4.2 billion for this year.\n\
         Pledges at the meeting totalled about 2.1 billion dollars, according to a UN tally.\n",
        None,
    );
    let attribution = |t: &str| find(&all, t).attribution.clone().unwrap();
    // A named body's pledge or appeal is its own, not the last speaker's.
    assert_eq!(attribution("522 million euros").source, "EU");
    assert!(!attribution("522 million euros").inherited);
    assert_eq!(attribution("$4.2 billion").source, "UN");
    // A speaker named in the sentence still speaks for "Donors".
    assert_eq!(
        attribution("more than $2 billion").source,
        "French Foreign Minister Jean-Noel Barrot"
    );
    // "raised its pledge to": the subject's pledge.
    let raised = claims(
        "Germany raised its pledge for Sudan to 150 million euros on Friday, the ministry said.\n",
        None,
    );
    let c = find(&raised, "150 million euros");
    assert_eq!(
        (c.actor.as_deref(), c.action.as_deref()),
        (Some("Germany"), Some("pledge"))
    );
    // "Pledges at the meeting": pledges, not the meeting.
    assert_eq!(
        find(&all, "about 2.1 billion dollars")
            .counted
            .as_ref()
            .map(|c| c.head.as_str()),
        Some("pledge")
    );
}

#[test]
fn three_miners_were_confirmed_dead_and_23_remain_trapped() {
    let all = claims(
        "A roof collapse trapped 47 miners, operator Velino Coal said.\n\
         Three miners were confirmed dead and 23 remain trapped, the emergency service said.\n",
        None,
    );
    // A passive speech verb has no speaker for its subject.
    let source = |t: &str| find(&all, t).attribution.as_ref().unwrap().source.clone();
    assert_eq!(source("23"), "emergency service");
    // A conjoined clause's own verb: trapped, not the clause before's dead.
    assert_eq!(find(&all, "Three").action.as_deref(), Some("die"));
    assert_eq!(find(&all, "23").action.as_deref(), Some("trap"));
}

#[test]
fn the_ministry_s_official_count_stood_at_520_and_the_112_number_is_no_count() {
    let all = claims(
        "The group's central estimate is about 1,700 excess deaths, the independent research group Clima y Salud said.\n\
         The Health Ministry's official count of heat-attributed deaths stood at 520 on Friday.\n\
         Calls to the 112 emergency number rose 35% last week, the national emergency coordination centre said.\n",
        None,
    );
    let source = |t: &str| find(&all, t).attribution.as_ref().unwrap().source.clone();
    // "estimate" followed by "is" is a noun: the speaker is the one who said.
    assert!(source("about 1,700").contains("Clima y Salud"));
    // The owner of "the … official count of … stood at".
    assert_eq!(source("520"), "Health Ministry");
    // A lower-case centre is a source; "the 112 emergency number" is no figure.
    assert_eq!(source("35%"), "national emergency coordination centre");
    assert!(all.iter().all(|c| c.text != "112"));
}

#[test]
fn the_general_staff_after_ukraine_s_general_staff_is_the_same_source() {
    let all = claims(
        "Russia lost 1,230 troops in the past day, Ukraine's General Staff said on Monday.\n\
         That brings total Russian losses since the full-scale invasion began to about 847,000, the General Staff said.\n\
         An independent count by the BBC and Mediazona has confirmed the names of 90,000 Russian soldiers killed.\n",
        None,
    );
    let source = |t: &str| find(&all, t).attribution.as_ref().unwrap().source.clone();
    assert_eq!(source("1,230"), "UA general staff");
    assert_eq!(source("about 847,000"), "UA general staff");
    assert_eq!(source("90,000"), "BBC and Mediazona");
}

#[test]
fn the_death_toll_since_january_has_risen_to_195_and_270_were_soldiers() {
    let all = claims(
        "The cholera death toll since January has risen to 195, the Health Ministry said.\n\
         Cumulative cases reached 9,800, the ministry said.\n\
         That brings total Russian losses since the full-scale invasion began to about 847,000, the general staff said.\n\
         Of those returned, 270 were soldiers and 120 were civilians, Zelensky said.\n",
        None,
    );
    let head = |t: &str| find(&all, t).counted.as_ref().unwrap().head.clone();
    assert_eq!(head("195"), "toll");
    assert_eq!(head("9,800"), "case");
    assert_eq!(head("about 847,000"), "loss");
    // Whose losses: the demonym before the noun.
    let losses = find(&all, "about 847,000").counted.as_ref().unwrap();
    assert_eq!(losses.as_written, "Russian losses");
    assert_eq!(losses.modifiers, ["russian"]);
    assert_eq!(head("270"), "soldier");
    assert_eq!(head("120"), "civilian");
}

#[test]
fn the_eu_pledged_522_million_and_germany_said_125_million() {
    let all = claims(
        "French Foreign Minister Jean-Noel Barrot said donors met in Paris.\n\
         The European Union pledged 522 million euros, and Germany said it would give up to 125 million euros.\n\
         Kyiv received 390 prisoners, a Ukrainian official said, speaking on condition of anonymity.\n",
        None,
    );
    let eu = find(&all, "522 million euros");
    // Germany's cue is in the next clause: not the EU's figure's.
    assert_ne!(
        eu.attribution.as_ref().map(|a| a.source.as_str()),
        Some("DE government")
    );
    assert_eq!(
        (eu.actor.as_deref(), eu.action.as_deref()),
        (Some("The European Union"), Some("pledge"))
    );
    let de = find(&all, "up to 125 million euros")
        .attribution
        .as_ref()
        .unwrap();
    assert_eq!(de.source, "DE government");
    let anon = find(&all, "390").attribution.as_ref().unwrap();
    assert_eq!(anon.kind, SourceKind::Anonymous);
}

#[test]
fn twenty_six_died_during_the_same_week() {
    let all = claims(
        "The ministry said 1,240 cases were reported in the past week.\n\
         Twenty-six people died of the disease during the same week, officials said.\n\
         Twelve people died, officials said.\n",
        None,
    );
    let time = |t: &str| find(&all, t).time.as_ref().map(|s| s.as_written.clone());
    assert_eq!(time("Twenty-six").as_deref(), Some("in the past week"));
    assert_eq!(time("Twelve"), None);
}

#[test]
fn russia_has_lost_850000_killed_and_wounded() {
    let all = claims(
        "Russia has likely lost more than 850,000 killed and wounded since 2022, British intelligence said.\n\
         The strike left 51 dead and more than 100 wounded, medics said.\n",
        None,
    );
    let counted = |t: &str| find(&all, t).counted.as_ref().unwrap().clone();
    let c = counted("more than 850,000");
    assert_eq!(
        (c.head.as_str(), c.as_written.as_str()),
        ("casualty", "killed and wounded")
    );
    // Two figures, two outcomes.
    assert_eq!(counted("51").head, "dead");
    assert_eq!(counted("more than 100").head, "wounded");
}

#[test]
fn one_thousand_one_hundred_of_the_airlines_1350_pilots() {
    let all = claims(
        "Pilots' union spokesperson Mia Kallio said 1,100 of the airline's 1,350 pilots had joined the walkout.\n\
         The carrier grounded 40 of its 120 planes, the company said.\n",
        None,
    );
    let texts: Vec<&str> = all.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(texts, ["1,100", "40"], "{all:#?}");
    assert_eq!(find(&all, "1,100").counted.as_ref().unwrap().head, "pilot");
    assert_eq!(find(&all, "40").counted.as_ref().unwrap().head, "plane");
}
