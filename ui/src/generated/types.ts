// Generated from the Rust types by `sourcetrace-desk` (ts-rs). Do not edit:
// run `UPDATE_EXPECT=1 cargo test -p sourcetrace-desk --features ts` instead.

export type AnalysisCounts = { articles: number, current: number, 
/**
 * Analysed with another version or lexicon, or not at all.
 */
stale: number, };

export type AnalysisRecord = { article_id: number, version: number, lexicon: string, analyzed_at: string, scores: Scores, };

export type Analyze = { force: boolean, };

export type ApiError = { code: ErrorCode, message: string, };

export type ArticleAnalysis = { article_id: number, 
/**
 * Missing when the article has not been analysed yet.
 */
analysis: AnalysisRecord | null, 
/**
 * The analysis matches the current version and lexicon additions.
 */
current: boolean, attributions: Array<AttributionRecord>, };

export type ArticleFilter = { 
/**
 * Outlet names or aliases; an article of any of them is selected, and
 * none means every outlet.
 */
outlets: Array<string>, 
/**
 * Published on or after this date (`YYYY-MM-DD`).
 */
since: string | null, 
/**
 * Published on or before this date (`YYYY-MM-DD`).
 */
until: string | null, 
/**
 * A collection name.
 */
collection: string | null, 
/**
 * Only articles that credit this agency (any credit kind: dateline,
 * wire, photo, byline), as the credit tallies count them.
 */
agency: string | null, 
/**
 * Leave out articles the reuse analysis judged republished wire copy,
 * so that outlets are compared on their own work.
 */
without_syndicated: boolean, 
/**
 * Only articles that match this full-text search, in FTS5 syntax as in
 * `sourcetrace search`.
 */
search: string | null, 
/**
 * Only the articles of this story.
 */
story: number | null, limit: number | null, offset: number, };

export type ArticleFraming = { article_id: number, terms: Array<FramingTerm>, framing: Framing | null, };

export type ArticlePage = { total: number, offset: number, rows: Array<ArticleRow>, 
/**
 * Set when the rows are in order of relevance among only this many of
 * the most recently imported matches (see [`crate::RANKED_MATCHES`]).
 */
ranked_among: number | null, };

export type ArticleQuery = { filter: ArticleFilter, sort: ArticleSort, descending: boolean, };

export type ArticleRecord = { id: number, title: string | null, text: string, segments: JsonValue, byline: string | null, outlet: string | null, outlet_country: string | null, outlet_kind: string | null, outlet_state_affiliation: string | null, url: string | null, published: string | null, language: string | null, word_count: number, content_hash: string, format: string, source_path: string, source_entry: string | null, import_run_id: number | null, imported_at: string, collections: Array<string>, near_duplicates: Array<NearDuplicate>, };

export type ArticleReuse = { article_id: number, 
/**
 * The largest share of the article found in any one other article.
 */
reused_share: number, 
/**
 * Most of the article is someone else's copy, which came first or
 * from a wire agency: comparisons of outlets can leave it out. The
 * original of republished copy shares as much but is not syndicated.
 */
syndicated: boolean, 
/**
 * Read from the article's current stored analysis rather than worked
 * out now (the article was not analysed, or its analysis is stale).
 */
stored: boolean, matches: Array<ReuseMatch>, };

export type ArticleRow = { id: number, title: string | null, outlet: string | null, published: string | null, word_count: number, attributions: number | null, state_media_share: number | null, anonymous_share: number | null, 
/**
 * 0 to 100; `None` when not analysed or when nothing is attributed.
 */
transparency: number | null, 
/**
 * Republished wire copy, as the reuse analysis judged it.
 */
syndicated: boolean, story: number | null, 
/**
 * A search snippet with matches between `SNIPPET_START` and
 * `SNIPPET_END`, when the query searched.
 */
snippet: string | null, };

export type ArticleSort = "published" | "outlet" | "title" | "attributions" | "state_media" | "anonymous" | "transparency" | "relevance";

export type ArticleTone = { engine: ToneEngine, 
/**
 * The news rules were on.
 */
news: boolean, 
/**
 * The mean score of all sentences, neutral ones included.
 */
score: number, label: ToneLabel, positive: number, neutral: number, negative: number, sentences: Array<SentenceTone>, entities: Array<EntityTone>, 
/**
 * Written out with the tone, but never read back: diagnostics are about
 * the run that produced them, and their codes are static strings.
 */
diagnostics: Array<Diagnostic>, };

export type ArticleView = { article: ArticleRecord, analysis: ArticleAnalysis, credits: Array<Credit>, framing: ArticleFraming, tone: ArticleTone, };

export type AttributionKind = "direct" | "indirect" | "mixed" | "according_to" | "citing" | "media_report" | "no_source";

export type AttributionRecord = { id: number, ordinal: number, source_id: number | null, kind: AttributionKind, cue: Span, cue_class: CueClass, stance: Stance, source: Source | null, content: Array<Span>, 
/**
 * The attribution this one reached the reader through: for Putin's
 * words, the video TASS cited; for that video, the TASS report.
 */
via: number | null, 
/**
 * Hops from the source to the publishing outlet: 1 when the outlet
 * heard it first-hand.
 */
depth: number, evidence: Array<Evidence>, 
/**
 * Set when a person corrected the attribution: what they changed and
 * what the engine had found (see [`corrections`]).
 */
corrected?: Corrected | null, };

export type Chain = { 
/**
 * Hops from the source to the outlet.
 */
depth: number, 
/**
 * The attributions along the deepest chain, innermost first.
 */
attributions: Array<number>, };

export type Change = { 
/**
 * `source_type`, `canonical` or `country`.
 */
field: string, 
/**
 * What the engine found.
 */
machine: string | null, 
/**
 * What the person set.
 */
human: string | null, };

export type CitedSource = { canonical: string, source_type: string, attributions: number, };

export type Collect = { name: string, ids: Array<number>, remove: boolean, };

export type CollectionSummary = { id: number, name: string, articles: number, created_at: string, };

export type Corrected = { 
/**
 * The ids of the corrections that apply, oldest first.
 */
corrections: Array<number>, changes: Array<Change>, };

export type Correction = { id: number, article_id: number, 
/**
 * The cue span (code points) that finds the attribution again after
 * every re-analysis.
 */
cue_start: number, cue_end: number, cue_text: string, source_start: number | null, source_end: number | null, source_text: string | null, 
/**
 * What the engine had found when the correction was made.
 */
machine_type: string | null, machine_canonical: string | null, machine_country: string | null, 
/**
 * The source type the person set, if they set one.
 */
source_type: string | null, 
/**
 * The canonical name the person set, if they set one.
 */
canonical: string | null, 
/**
 * The country (ISO 3166-1 alpha-2) the person set, if they set one.
 */
country: string | null, 
/**
 * The person marked the attribution as false.
 */
delete: boolean, made_at: string, 
/**
 * The latest analysis found no attribution at the cue span (or one
 * without a source to change), so the correction does not apply now.
 */
orphaned: boolean, };

export type CorrectionRequest = { 
/**
 * The attribution's row id (`AttributionRecord::id`). Row ids change
 * when an article is analysed again, so take it from a fresh listing.
 */
attribution_id: number, 
/**
 * One of state_media, wire, media, official, anonymous, person,
 * organization, document, self, unknown.
 */
source_type: string | null, 
/**
 * The name the source goes by across the library.
 */
canonical: string | null, 
/**
 * ISO 3166-1 alpha-2, such as RU.
 */
country: string | null, 
/**
 * The attribution is false: leave it out of every count.
 */
delete: boolean, };

export type Corrections = { article_id: number | null, };

export type Credit = { kind: CreditKind, 
/**
 * The canonical name of the agency or outlet credited, when the
 * gazetteer knows it; people credited for reporting have none (and the
 * field is left out of JSON, where consumers expect a name or nothing).
 */
agency?: string | null, 
/**
 * The place of a dateline ("MOSCOW").
 */
place?: string | null, 
/**
 * Who is credited as written ("Evelyn Hockstein", "The Hill").
 */
credited: string, 
/**
 * Code-point offsets of the whole credit, end exclusive.
 */
start: number, end: number, text: string, 
/**
 * Where the same credit appears again ("/CFP" under every photo), as
 * code-point [start, end) pairs: one credit, every place it is shown.
 */
repeats?: Array<[number, number]>, };

export type CreditKind = "wire_credit" | "dateline" | "photo_credit" | "additional_reporting" | "byline_agency" | "hat_tip" | "source_line" | "wire_series";

export type CreditTallies = { outlets: Array<OutletArticles>, cells: Array<CreditTally>, };

export type CreditTally = { outlet: string, agency: string, 
/**
 * Articles of the outlet that credit the agency at least once.
 */
articles: number, 
/**
 * Analysed articles of the outlet in the selection.
 */
outlet_articles: number, 
/**
 * articles ÷ outlet_articles.
 */
share: number, };

export type CueClass = "speech" | "belief" | "intention" | "evaluation" | "evidence" | "punctuation";

export type Dashboard = { filter: ArticleFilter, sourcing: Array<OutletSourcing>, 
/**
 * Share of each outlet's articles crediting each agency.
 */
credits: CreditTallies, framing: Array<OutletFraming>, tone: Array<ToneBin>, timeline: Timeline, };

export type Diagnostic = { severity: Severity, 
/**
 * A stable, machine-readable code such as `outlets.bad_kind`.
 */
code: string, message: string, 
/**
 * The 1-based line of the input the message is about, when it has lines.
 */
line: number | null, };

export type EncodedFile = { name: string, base64: string, };

export type EntityComparison = { entity: string, 
/**
 * Outlet → mean tone of its sentences that mention the entity; an
 * outlet that never mentions it is absent.
 */
tone: { [key in string]: number }, mentions: number, };

export type EntityTone = { name: string, 
/**
 * The mean score of `sentences`; none when it is never mentioned.
 */
score: number | null, 
/**
 * Indices into [`ArticleTone::sentences`].
 */
sentences: Array<number>, 
/**
 * Every mention, in code points.
 */
mentions: Array<Span>, };

export type ErrorCode = "not_found" | "bad_query" | "invalid_input" | "newer_library" | "library" | "io" | "cancelled";

export type Evidence = { 
/**
 * `cue`, `pattern`, `source` or `chain`.
 */
step: string, 
/**
 * The rule or lexicon entry that decided the step, in words.
 */
rule: string, };

export type EvidencePage = { total: number, offset: number, rows: Array<EvidenceRow>, };

export type EvidenceQuery = { filter: ArticleFilter, 
/**
 * The outlet exactly as the tallies name it, `(no outlet)` included.
 */
outlet_name: string | null, 
/**
 * A source type; `unknown` also matches attributions with no source,
 * as in the sourcing mix.
 */
source_type: string | null, 
/**
 * A canonical source (the `sources` row).
 */
source_id: number | null, 
/**
 * A cue stance: neutral, distancing, endorsing or negative.
 */
stance: string | null, 
/**
 * Only attributions relayed through at least this many hops.
 */
min_depth: number | null, offset: number, 
/**
 * 50 when not given, 500 at most.
 */
limit: number | null, };

export type EvidenceRow = { article_id: number, title: string | null, outlet: string, published: string | null, attribution: AttributionRecord, };

export type ExportFormat = "csv" | "json" | "jsonl" | "xlsx";

export type ExportRequest = { tables: Array<ExportTable>, format: ExportFormat, 
/**
 * The selection (outlets, dates, collection, agency, search, story).
 * Its limit and offset are ignored; an export has every row.
 */
filter: ArticleFilter, };

export type ExportSummary = { 
/**
 * Rows written for each table, in the order asked for.
 */
tables: Array<TableRows>, 
/**
 * The files written (one, or one per table for CSV into a folder).
 */
files: Array<string>, 
/**
 * Limits of the format the export met, each said in a sentence.
 */
warnings: Array<string>, };

export type ExportTable = "articles" | "attributions" | "sources" | "credits" | "reuse" | "tallies" | "stories";

export type FactBlindspot = { outlet: string, article_id: number, start: number, end: number, text: string, 
/**
 * "number", "quote" or "name".
 */
because: string, 
/**
 * Its words no other outlet used anywhere in the story.
 */
unshared: Array<string>, };

export type Framing = { 
/**
 * Words in the text, as [`text::word_count`] counts them.
 */
words: number, 
/**
 * One count per stance, always in the order neutral, distancing,
 * endorsing, negative.
 */
stances: Array<StanceCount>, hedges: Array<Hit>, 
/**
 * Hedges per 1,000 words.
 */
hedge_rate: number, loaded: Array<Hit>, 
/**
 * Loaded terms per 1,000 words.
 */
loaded_rate: number, diagnostics: Array<Diagnostic>, };

export type FramingTerm = { 
/**
 * "hedge" or "loaded".
 */
kind: string, 
/**
 * Code-point offsets, end exclusive.
 */
start: number, end: number, 
/**
 * As written: "Regime's".
 */
text: string, 
/**
 * The row it matched: "regime".
 */
phrase: string, 
/**
 * The row's group: "delegitimizing".
 */
group: string, };

export type Hit = { 
/**
 * Code-point offsets, end exclusive.
 */
start: number, end: number, 
/**
 * As written: "Regime's".
 */
text: string, 
/**
 * The row it matched: "regime".
 */
phrase: string, 
/**
 * The row's group: "delegitimizing".
 */
group: string, };

export type Id = { id: number, };

export type ImportPaths = { paths: Array<string>, outlet: string | null, collection: string | null, };

export type JobKind = "import" | "analyze" | "export";

export type JobProblem = { origin: string, reason: string, };

export type JobStatus = { id: number, kind: JobKind, 
/**
 * What is happening now, in a few words ("Importing", "Analysing").
 */
stage: string, unit: string, done: number, total: number, 
/**
 * Counts so far: imported, duplicates, analysed, rows...
 */
counts: Array<[string, number]>, 
/**
 * Files that failed or were skipped, at most [`MAX_PROBLEMS`] of them
 * (`more_problems` counts the rest).
 */
problems: Array<JobProblem>, more_problems: number, finished: boolean, cancelled: boolean, error: ApiError | null, 
/**
 * The job's summary as JSON once it has finished.
 */
result: JsonValue | null, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;

export type LibraryInfo = { path: string, schema_version: number, articles: number, outlets_with_articles: number, collections: number, import_runs: number, 
/**
 * The analysis version of this build's rules.
 */
analysis_version: number, 
/**
 * Articles whose analysis is current, and those still to analyse.
 */
analysis: AnalysisCounts, };

export type NearDuplicate = { id: number, title: string | null, outlet: string | null, 
/**
 * Estimated Jaccard similarity of the two texts' 5-word shingles.
 */
similarity: number, };

export type NoArgs = Record<symbol, never>;

export type OutletArticles = { outlet: string, articles: number, };

export type OutletCoverage = { outlet: string, articles: Array<number>, words: number, attributions: number, 
/**
 * Attributions by source type, every type listed.
 */
by_type: { [key in string]: number }, state_media_share: number, anonymous_share: number, second_hand_share: number, direct_quote_share: number, 
/**
 * The mean transparency score (0-100) of its articles that attribute.
 */
transparency: number | null, 
/**
 * The sources it cited, most cited first.
 */
sources: Array<CitedSource>, 
/**
 * Attributions by the stance of their verb.
 */
neutral: number, distancing: number, endorsing: number, negative: number, hedges: number, loaded_terms: number, 
/**
 * The mean tone of its articles' sentences, -1 to 1.
 */
tone: number | null, 
/**
 * Agencies credited (datelines, wire and photo credits ...).
 */
credits: Array<string>, 
/**
 * The largest share of one of its articles found in another article.
 */
reused_share: number, syndicated: boolean, };

export type OutletFraming = { outlet: string, 
/**
 * Its analysed articles in the selection.
 */
articles: number, words: number, attributions: number, 
/**
 * Attributions by the stance of their cue: neutral ("said"),
 * distancing ("claimed"), endorsing ("noted"), negative ("admitted").
 */
neutral: number, distancing: number, endorsing: number, negative: number, 
/**
 * distancing ÷ attributions (0 without attributions).
 */
distancing_share: number, hedges: number, loaded_terms: number, hedges_per_1000_words: number, loaded_per_1000_words: number, 
/**
 * The mean article tone, -1 to 1; none when no article was scored.
 */
tone: number | null, };

export type OutletRecord = { id: number, name: string, aliases: Array<string>, domain: string | null, country: string | null, kind: string | null, state_affiliation: string | null, origin: string, articles: number, };

export type OutletSourcing = { outlet: string, attributions: number, types: Array<TypeShare>, state_media_share: number, anonymous_share: number, };

export type Passage = { 
/**
 * Code-point offsets in this text, end exclusive.
 */
start: number, end: number, 
/**
 * Where the passage begins and ends in the other text (code points).
 */
other_start: number, other_end: number, words: number, text: string, };

export type Paste = { text: string, outlet: string | null, collection: string | null, };

export type ReportRequest = { title: string, filter: ArticleFilter, };

export type ReuseMatch = { id: number, title: string | null, outlet: string | null, published: string | null, 
/**
 * Shared words ÷ the article's words.
 */
share: number, 
/**
 * The other article is where the shared copy came from: a wire
 * agency's, or published (or, without dates, imported) earlier.
 */
other_is_origin: boolean, passages: Array<Passage>, };

export type Scores = { attributions: number, 
/**
 * Source type (or `none` for no source) to the attributions of it.
 */
by_type: { [key in string]: Array<number> }, state_media_share: Share, anonymous_share: Share, second_hand_share: Share, direct_quote_share: Share, deepest_chain: Chain, 
/**
 * Canonical names of the distinct sources, in order of first citation.
 */
distinct_sources: Array<string>, transparency: Transparency, };

export type SentenceTone = { 
/**
 * Code-point offsets, end exclusive.
 */
start: number, end: number, text: string, 
/**
 * From -1 to 1: `raw / sqrt(raw² + α)` (see the module docs).
 */
score: number, label: ToneLabel, 
/**
 * The sum of the terms' contributions plus `emphasis`.
 */
raw: number, 
/**
 * VADER's emphasis for exclamation and question marks, signed like
 * the sum it strengthens; 0 for AFINN.
 */
emphasis: number, terms: Array<ToneTerm>, };

export type Severity = "warning" | "error";

export type Share = { 
/**
 * numerator ÷ denominator, 0 when there are no attributions.
 */
value: number, numerator: number, denominator: number, 
/**
 * The attributions counted in the numerator (indices).
 */
attributions: Array<number>, formula: string, };

export type Source = { start: number, end: number, text: string, type: SourceType, 
/**
 * ISO 3166-1 alpha-2, where known.
 */
country: string | null, 
/**
 * The name the source goes by across the article and the library:
 * "Dmitry Peskov" for "Peskov" and "he".
 */
canonical: string, 
/**
 * The source is a document (report, video, statement) and `kind` is
 * that of whoever carried it.
 */
document: boolean, 
/**
 * For a pronoun or "the report": the attribution whose source it is.
 */
refers_to: number | null, };

export type SourceBlindspot = { outlet: string, canonical: string, source_type: string, article_id: number, 
/**
 * Code points of the first citation's source span in that article.
 */
start: number, end: number, attributions: number, };

export type SourceCitations = { outlet: string, attributions: number, articles: number, 
/**
 * Attributions that relay the source second-hand (a chain depth of two
 * or more).
 */
relayed: number, neutral: number, distancing: number, endorsing: number, negative: number, };

export type SourceProfile = { source: SourceRecord, citations: Array<SourceCitations>, 
/**
 * The first attributions that cite it, newest articles first.
 */
evidence: EvidencePage, };

export type SourceRecord = { id: number, canonical: string, source_type: string, country: string | null, 
/**
 * Attributions that cite it.
 */
attributions: number, 
/**
 * Articles that cite it.
 */
articles: number, };

export type SourceType = "state_media" | "wire" | "media" | "official" | "anonymous" | "person" | "organization" | "document" | "self" | "unknown";

export type Sources = { source_type: string | null, country: string | null, limit: number | null, };

export type Span = { start: number, end: number, text: string, };

export type Stance = "neutral" | "distancing" | "endorsing" | "negative";

export type StanceCount = { stance: Stance, count: number, 
/**
 * Per 1,000 words of the text.
 */
rate: number, 
/**
 * Of all the article's attributions (0 when it has none).
 */
share: number, 
/**
 * Indices into the analysis's attributions; each one's cue is the span.
 */
attributions: Array<number>, };

export type Story = { id: number, label: string, articles: Array<StoryArticle>, };

export type StoryArticle = { id: number, url: string | null, outlet: string | null, title: string | null, published: string | null, 
/**
 * A person put the article in this story; grouping leaves it there.
 */
pinned: boolean, 
/**
 * Similarity to the story when grouping placed the article.
 */
similarity: number | null, };

export type StoryComparison = { story_id: number, label: string, outlets: Array<OutletCoverage>, 
/**
 * The tone of each outlet's sentences about the story's most
 * mentioned entities.
 */
entities: Array<EntityComparison>, 
/**
 * Sources only one outlet cited.
 */
source_blindspots: Array<SourceBlindspot>, 
/**
 * Checkable facts only one outlet carried.
 */
fact_blindspots: Array<FactBlindspot>, 
/**
 * Articles of the story whose analysis is missing or stale: their
 * figures are left out until `sourcetrace analyze` runs.
 */
not_analysed: Array<number>, };

export type TableRows = { table: ExportTable, rows: number, };

export type TermSource = "vader" | "afinn" | "news" | "user";

export type Timeline = { period: TimelinePeriod, points: Array<TimelinePoint>, };

export type TimelinePeriod = "day" | "week" | "month";

export type TimelinePoint = { outlet: string, 
/**
 * The first day of the period, `YYYY-MM-DD`.
 */
start: string, 
/**
 * The last day of the period, `YYYY-MM-DD`, so that a click opens
 * exactly the articles the point counts.
 */
end: string, articles: number, };

export type ToneBin = { outlet: string, 
/**
 * 0 for -1.0 to -0.8, up to 9 for 0.8 to 1.0.
 */
bin: number, articles: number, };

export type ToneEngine = "vader" | "afinn";

export type ToneLabel = "positive" | "neutral" | "negative";

export type ToneTerm = { 
/**
 * Code-point offsets, end exclusive.
 */
start: number, end: number, text: string, 
/**
 * The lexicon the weight came from.
 */
lexicon: TermSource, 
/**
 * The weight as listed (VADER's scale for VADER, AFINN's for AFINN).
 */
base: number, negated: boolean, 
/**
 * The word that negated it.
 */
negator: Span | null, 
/**
 * A booster, a dampener or capitals changed its weight.
 */
boosted: boolean, 
/**
 * Every rule that changed the weight, in order, for people to read.
 */
notes: Array<string>, 
/**
 * What it added to the sentence's sum, after every rule.
 */
contribution: number, };

export type Transparency = { 
/**
 * 0 to 100; none when the article attributes nothing.
 */
score: number | null, formula: string, parts: Array<TransparencyPart>, };

export type TransparencyPart = { attribution: number, weight: number, reason: string, };

export type TypeShare = { source_type: string, attributions: number, 
/**
 * Of the outlet's attributions in the selection.
 */
share: number, };

export type Upload = { files: Array<EncodedFile>, outlet: string | null, collection: string | null, };


export interface Commands {
  // Where the library is and what it holds.
  library_info: { args: NoArgs; result: LibraryInfo };
  // One page of the library table: sorted, filtered and searched in SQL.
  articles: { args: ArticleQuery; result: ArticlePage };
  // An article with its attributions, credits, framing and tone.
  article: { args: Id; result: ArticleView };
  // Passages an article shares with other articles in the library.
  article_reuse: { args: Id; result: ArticleReuse };
  outlets: { args: NoArgs; result: Array<OutletRecord> };
  collections: { args: NoArgs; result: Array<CollectionSummary> };
  // Adds articles to a collection (created if needed) or removes them.
  collect: { args: Collect; result: number };
  // The outlets dashboard over a selection.
  dashboard: { args: ArticleFilter; result: Dashboard };
  // The attributions behind a bar, a cell or a source.
  evidence: { args: EvidenceQuery; result: EvidencePage };
  stories: { args: ArticleFilter; result: Array<Story> };
  // Outlets side by side on one story, with what each left out.
  compare: { args: Id; result: StoryComparison };
  sources: { args: Sources; result: Array<SourceRecord> };
  // Changes a source's type or identity, or deletes a false attribution;
  // the article is re-analysed at once and every tally counts it.
  correct: { args: CorrectionRequest; result: ArticleAnalysis };
  // Takes a correction back.
  undo_correction: { args: Id; result: ArticleAnalysis };
  corrections: { args: Corrections; result: Array<Correction> };
  // One source: who cites it, and how.
  source: { args: Id; result: SourceProfile };
  // Imports pasted text in the background.
  import_text: { args: Paste; result: JobStatus };
  // Imports files sent by a browser in the background.
  import_files: { args: Upload; result: JobStatus };
  // Imports files and folders in the background.
  import_paths: { args: ImportPaths; result: JobStatus };
  // Imports the fictional demo articles into the collection "Demo (fictional)".
  import_demo: { args: NoArgs; result: JobStatus };
  // Analyses stale articles in the background.
  analyze: { args: Analyze; result: JobStatus };
  job: { args: Id; result: JobStatus };
  // Asks a job to stop; it keeps what it committed.
  cancel_job: { args: Id; result: JobStatus };
  // Jobs that have not finished, so a reloaded page can show them.
  jobs: { args: NoArgs; result: Array<JobStatus> };
}

export const SOURCE_TYPES: ReadonlyArray<{ type: SourceType; label: string; colour: string }> = [
  { type: "state_media", label: "state media", colour: "#882255" },
  { type: "wire", label: "wire service", colour: "#88CCEE" },
  { type: "media", label: "other media", colour: "#44AA99" },
  { type: "official", label: "official", colour: "#332288" },
  { type: "anonymous", label: "anonymous", colour: "#999933" },
  { type: "person", label: "named person", colour: "#117733" },
  { type: "organization", label: "organization", colour: "#DDCC77" },
  { type: "document", label: "document", colour: "#CC6677" },
  { type: "self", label: "the outlet itself", colour: "#AA4499" },
  { type: "unknown", label: "unknown", colour: "#BBBBBB" },
];
