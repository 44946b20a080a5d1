export type { CountyFile, CountyIssue, CountyPerson, CountyPlace, SealStatus } from "./types";
export { COUNTY_CATALOGUE, type CountyRuleCode, type CountyRuleData } from "./catalogue";
export { countyIssues, countyIssue, placesText, type CountyOptions } from "./rules";
export { parseEnrolment, enrolmentOf, schoolKey, type EnrolmentProblem } from "./enrolment";
export { schoolOfWorkbook } from "./school";
