/**
 * REDCap "logic": the expression language of {@code filterLogic}, branching logic and calc
 * fields, parsed by hand-written recursive descent and evaluated against a {@link
 * org.redcapjdbc.emulator.logic.LogicContext}.
 *
 * <p>Usage: {@code Logic.parse(text)} once (throws {@link
 * org.redcapjdbc.emulator.logic.LogicException}, whose message is the text for the API's 400
 * error), then {@code test(ctx)} per row for filters and branching, {@code evaluate(ctx)} for a
 * calc value. {@code referencedFields()}, {@code referencedEvents()} and {@code
 * fieldReferences()} let the server reject unknown names first. Expressions are immutable and
 * thread-safe; {@code toString()} is the canonical text, and parsing it gives an equal
 * expression. Rules below come from REDCap's user documentation (the knowledge-base articles on
 * branching-logic syntax, special functions, calculated fields and smart variables) and from
 * values real servers stored in public fixtures; REDCap's server code was never consulted.
 *
 * <h2>Syntax</h2>
 *
 * <ul>
 *   <li>References: {@code [field]}; checkbox option {@code [field(code)]} (code kept as written,
 *       e.g. {@code [race(-99)]}); another event {@code [unique_event_name][field]}; {@code
 *       [event-name][field]} and a {@code [current-instance]} suffix mean the row's own event and
 *       instance. Bracket groups of one reference are written without spaces between them. Field
 *       and event names are case-insensitive and reported in lower case. A bare {@code
 *       [field]} naming a checkbox, and {@code [field(code)]} naming anything else, read as blank
 *       (servers should reject them up front through {@code fieldReferences()}).
 *   <li>Smart variables: {@code [record-name]}, {@code [event-name]} (blank in classic
 *       projects), {@code [current-instance]} (blank on non-repeat rows), {@code [arm-number]}
 *       (from the event's {@code _arm_N} suffix; blank in classic projects). Every other smart
 *       variable, instance references such as {@code [field][2]} or {@code
 *       [field][previous-instance]}, and modifiers such as {@code [field:label]} are rejected.
 *   <li>Literals: numbers {@code 1}, {@code 2.5}, {@code .5}, {@code 5.} (a minus is the unary
 *       operator); text in single or double quotes with no escape sequences (text holding a
 *       {@code '} is written in double quotes and vice versa; a backslash is an ordinary
 *       character; text holding both quote kinds cannot be written); {@code ''} and {@code ""}
 *       are blank; {@code true}, {@code false}.
 *   <li>Operators, loosest first: {@code or ||}; {@code and &&} (words in any case); one
 *       comparison {@code = == <> != < <= > >=} (chains like {@code a < b < c} are rejected);
 *       {@code + -}; {@code * /}; unary {@code -} and {@code +}; {@code ^} (right-associative and
 *       tighter than unary minus: {@code -(2)^(2)} is -4). Parentheses group. There is no
 *       {@code not} or {@code !}: REDCap documents none, so invert comparisons instead.
 *   <li>Whole lines starting with {@code #} or {@code //} are comments; line breaks are spaces.
 *   <li>Limits: nesting deeper than 200 levels and arithmetic chains longer than 2000 operators
 *       are rejected (and/or chains of any length are fine).
 * </ul>
 *
 * <h2>Values and comparisons</h2>
 *
 * <ul>
 *   <li>Every stored value is text; {@code ""} is blank ("no data"), never zero. Text is numeric
 *       when it matches {@code [+-]?(digits[.digits]|.digits)([eE][+-]?digits)?} exactly (no
 *       spaces, no thousands separators). Fields the context marks as {@code *_comma_decimal}
 *       read {@code 1,54} as 1.54.
 *   <li>A comparison is numeric when both sides are numeric ({@code '1.0' = 1}, {@code [a] > 9}
 *       for {@code 10}); otherwise it compares text case-sensitively by character code ({@code
 *       'abc' <> 'ABC'}; Y-M-D dates order correctly as text).
 *   <li>Blank: {@code =} is true only when both sides are blank, {@code <>} is its negation, and
 *       {@code < <= > >=} are always false. So for a blank {@code [age]}: {@code [age] > 30},
 *       {@code [age] < 30}, {@code [age] = 0} and {@code [age] <> ''} are false; {@code [age] =
 *       ''} and {@code [age] <> 5} are true (REDCap documents {@code <> 0} as true for blanks).
 *   <li>Arithmetic with a blank or non-numeric operand, division by zero and any non-finite
 *       result give blank, which then compares as above ({@code [a] + 1 > 2} is false for blank
 *       {@code a}). Numbers are doubles.
 *   <li>Truthiness (for {@code test}, {@code and}, {@code or}, {@code if}): booleans as they are;
 *       blank is false; numeric values are true unless zero; other text is true. Comparisons
 *       and boolean functions yield 1/0 when used as numbers.
 * </ul>
 *
 * <h2>Functions</h2>
 *
 * Names are case-insensitive; wrong argument counts are parse errors. Unless stated, a blank or
 * non-numeric argument where a number is needed makes the result blank.
 *
 * <ul>
 *   <li>{@code if(cond, a, b)} (only the chosen branch is evaluated).
 *   <li>{@code datediff(d1, d2, unit[, format][, signed])}: {@code d2 - d1} in {@code y} (days /
 *       365.2425), {@code M} (days / 30.44), {@code d}, {@code h}, {@code m}, {@code s} (case
 *       matters; a literal unknown unit is a parse error); unsigned unless {@code signed} is
 *       true; not rounded. A 4th argument {@code "ymd"/"mdy"/"dmy"} is the legacy format, any
 *       other 4th argument is {@code signed} (a literal that is neither is a parse error). Dates are {@code YYYY-MM-DD[ HH:MM[:SS]]}; the
 *       format only changes how literal {@code 12/31/2016}-style dates are read. {@code 'today'}
 *       is midnight of {@link org.redcapjdbc.emulator.logic.LogicContext#now()}, {@code 'now'}
 *       the moment itself. Blank or invalid dates give blank.
 *   <li>{@code round(x[, n])} half away from zero, {@code roundup} away from zero, {@code
 *       rounddown} toward zero; {@code n} defaults to 0 and may be negative; rounding starts from
 *       the shortest decimal text of x, so {@code round(1.005, 2)} is 1.01.
 *   <li>{@code abs, sqrt, exponential, log(x[, base])} (natural log without a numeric base),
 *       {@code mod(a, b)} (sign of {@code a}, as Java's {@code %}).
 *   <li>{@code sum, mean, median, min, max, stdev} (sample, n-1) over any number of arguments:
 *       blanks are skipped; other non-numeric text makes the result blank; {@code sum} of
 *       nothing is 0, the others blank ({@code stdev} needs two values).
 *   <li>{@code isnumber, isinteger} (integer text is digits with an optional sign, so {@code
 *       '5.0'} is not), {@code isblankormissingcode, isblanknotmissingcode, ismissingcode,
 *       hasmissingcode(x, 'A,B')} (codes from {@link
 *       org.redcapjdbc.emulator.logic.LogicContext#missingDataCodes()}).
 *   <li>Text, case-insensitive: {@code contains, not_contain, starts_with, ends_with} (an empty
 *       needle is found everywhere), {@code find(needle, haystack)} (1-based, 0 when absent).
 *       Case-preserving: {@code left, right, mid(text, start, n), length, trim, upper, lower,
 *       replace_text, concat, concat_ws} (skips blanks).
 *   <li>Dates: {@code year, month, day, dayoftheweek} (1 = Monday), {@code age_at_date(dob,
 *       date[, decimal])} (calendar years; blank before birth).
 * </ul>
 *
 * <h2>Calc values</h2>
 *
 * {@code evaluate} returns what a calc field stores: a number printed with at most 14
 * significant digits (as PHP prints floats), without trailing zeros, trailing point or exponent
 * ({@code 20}, {@code 22.1}, {@code 0.33333333333333}, {@code 100000000000000000000}); true/false
 * as {@code 1}/{@code 0}; {@code ""} for blank, errors and text, since a calc never stores text.
 */
package org.redcapjdbc.emulator.logic;
