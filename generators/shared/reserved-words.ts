/**
 * Words a generated resource or field name must not be, bundled so validation never depends on
 * the network or on a database being installed. A name becomes a TypeScript identifier, an object
 * key, a URL segment and a SQL table or column name, so it must be safe in every one of them:
 * Kysely quotes identifiers, but hand-written SQL, admin tools and migrations by other tools
 * often do not, and a reserved word there fails (or worse, parses as something else).
 *
 * Sources: ECMAScript 2025 §12.7.2 (reserved words, strict-mode and contextual words) and the
 * TypeScript handbook's keyword list; SQLite "SQL As Understood By SQLite › SQL Keywords";
 * PostgreSQL 17 Appendix C (words marked "reserved" or "reserved (can be function or type)");
 * MySQL 8.4 Reference Manual §11.3 "Keywords and Reserved Words" (the ones marked (R)).
 * All lists are compared in lower case.
 */

const javascript = `await break case catch class const continue debugger default delete do else enum export extends
false finally for function if import in instanceof new null return super switch this throw true try typeof var void
while with yield implements interface let package private protected public static arguments eval async of get set
undefined nan infinity globalthis`;

const typescript = `abstract any as asserts bigint boolean declare from infer is keyof module namespace never number
object readonly require string symbol type unique unknown override satisfies accessor out constructor prototype`;

/** Keys every object inherits: a field named like these would shadow Object.prototype members. */
const objectKeys = `__proto__ constructor prototype hasownproperty isprototypeof propertyisenumerable tolocalestring
tostring valueof __definegetter__ __definesetter__ __lookupgetter__ __lookupsetter__ tojson then`;

const sqlite = `abort action add after all alter always analyze and as asc attach autoincrement before begin between by
cascade case cast check collate column commit conflict constraint create cross current current_date current_time
current_timestamp database default deferrable deferred delete desc detach distinct do drop each else end escape except
exclude exclusive exists explain fail filter first following for foreign from full generated glob group groups having
if ignore immediate in index indexed initially inner insert instead intersect into is isnull join key last left like
limit match materialized natural no not nothing notnull null nulls of offset on or order others outer over partition
plan pragma preceding primary query raise range recursive references regexp reindex release rename replace restrict
returning right rollback row rows savepoint select set table temp temporary then ties to transaction trigger unbounded
union unique update using vacuum values view virtual when where window with without`;

const postgres = `all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate
collation column concurrently constraint create cross current_catalog current_date current_role current_schema
current_time current_timestamp current_user default deferrable desc distinct do else end except false fetch for foreign
freeze from full grant group having ilike in initially inner intersect into is isnull join lateral leading left like
limit localtime localtimestamp natural not notnull null offset on only or order outer overlaps placing primary
references returning right select session_user similar some symmetric system_user table tablesample then to trailing
true union unique user using variadic verbose when where window with between bigint bit boolean char character coalesce
dec decimal exists extract float greatest grouping inout int integer interval least national nchar none normalize
nullif numeric out overlay position precision real row setof smallint substring time timestamp treat trim values
varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse xmlpi xmlroot xmlserialize
xmltable`;

const mysql = `accessible add all alter analyze and as asc asensitive before between bigint binary blob both by call
cascade case change char character check collate column condition constraint continue convert create cross cube
cume_dist current_date current_time current_timestamp current_user cursor database databases day_hour
day_microsecond day_minute day_second dec decimal declare default delayed delete dense_rank desc describe
deterministic distinct distinctrow div double drop dual each else elseif empty enclosed escaped except exists exit
explain false fetch first_value float float4 float8 for force foreign from fulltext function generated get grant group
grouping groups having high_priority hour_microsecond hour_minute hour_second if ignore in index infile inner inout
insensitive insert int int1 int2 int3 int4 int8 integer intersect interval into io_after_gtids io_before_gtids is
iterate join json_table key keys kill lag last_value lateral lead leading leave left like limit linear lines load
localtime localtimestamp lock long longblob longtext loop low_priority manual master_bind master_ssl_verify_server_cert
match maxvalue mediumblob mediumint mediumtext middleint minute_microsecond minute_second mod modifies natural not
no_write_to_binlog nth_value ntile null numeric of on optimize optimizer_costs option optionally or order out outer
outfile over parallel partition percent_rank precision primary procedure purge qualify range rank read reads read_write
real recursive references regexp release rename repeat replace require resignal restrict return revoke right rlike
row rows row_number schema schemas second_microsecond select sensitive separator set show signal smallint spatial
specific sql sqlexception sqlstate sqlwarning sql_big_result sql_calc_found_rows sql_small_result ssl starting stored
straight_join system table terminated then tinyblob tinyint tinytext to trailing trigger true undo union unique unlock
unsigned update usage use using utc_date utc_time utc_timestamp values varbinary varchar varcharacter varying virtual
when where while window with write xor year_month zerofill`;

const words = (list: string): string[] => list.split(/\s+/u).filter(Boolean);

export const reservedWords = {
  javascript: new Set([...words(javascript), ...words(typescript), ...words(objectKeys)]),
  sql: new Set([...words(sqlite), ...words(postgres), ...words(mysql)]),
} as const;

/** Which family reserves `word` (compared in lower case, with and without underscores), or undefined. */
export function reservedBy(word: string): 'JavaScript/TypeScript' | 'SQL (SQLite, PostgreSQL or MySQL)' | undefined {
  const lower = word.toLowerCase();
  if (reservedWords.javascript.has(lower)) return 'JavaScript/TypeScript';
  if (reservedWords.sql.has(lower)) return 'SQL (SQLite, PostgreSQL or MySQL)';
  return undefined;
}
