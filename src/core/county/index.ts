export type {
  CountyCoverage,
  CountyFile,
  CountyIssue,
  CountyNeeded,
  CountyPerson,
  CountyPlace,
  SealStatus,
} from "./types";
export { COUNTY_CATALOGUE, COUNTY_RULE_CODES, type CountyRuleCode, type CountyRuleData } from "./catalogue";
export { countyFindings, countyIssues, countyIssue, placesText, type CountyFinding, type CountyOptions } from "./rules";
export { parseEnrolment, enrolmentOf, schoolKey, type EnrolmentProblem } from "./enrolment";
export { schoolOfWorkbook } from "./school";
