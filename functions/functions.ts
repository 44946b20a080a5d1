/**
 * The ZIZHU custom functions, one module per subject. This entry only loads them: each module's
 * functions are registered with Excel by the `CustomFunctions.associate` calls that
 * custom-functions-metadata-plugin appends to it at build time (and by the same calls in the CLI).
 *
 * Dates in and out are Excel serial numbers (1900 date system). An empty cell gives "".
 */
import "./identity";
import "./money-dates";
import "./policy";
import "./awards";
