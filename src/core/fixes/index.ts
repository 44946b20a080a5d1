/** Safe fixes: the plan of cell and column fixes a check allows, and applying it to a grid. */
export * from "./plan";
