/** Civil dates (proleptic Gregorian, no time zone), Excel serial numbers and local timestamps. */
export * from "./civil";
export * from "./serial";
export * from "./timestamp";
