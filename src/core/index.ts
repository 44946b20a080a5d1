/**
 * The engine's public entry: everything code outside src/core may use. The subsystems keep their
 * own index files (what each one offers); deeper files are private to the core, and ESLint says
 * so for src/, taskpane/ and functions/. The bundler is told the core has no side effects, so a
 * bundle carries only what it imports from here (the ribbon's commands.js stays a few hundred bytes).
 */
export * from "./result";
export * from "./locale";
export { appendAll, maxOf } from "./arrays";
export { engineContext, fixedToday, type EngineContext } from "./context";
export * from "./text";
export * from "./date";
export * from "./grid";
export * from "./money";
export * from "./id";
export * from "./bank";
export * from "./phone";
export * from "./mask";
export * from "./calendar";
export * from "./roster";
export * from "./policy";
export * from "./privacy";
export * from "./rules";
export * from "./report";
export * from "./check";
export * from "./fixes";
export * from "./county";
export * from "./sheets";
export * from "./commands";
export * from "./pairing";
