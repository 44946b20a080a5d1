// ESLint (flat config): typescript-eslint's recommended rules everywhere, Office.js rules where
// Office.js is used, and a hard boundary around the host-agnostic core.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";

const officePlugin = { rules: (officeAddins.default ?? officeAddins).rules };

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "vendor/**", "coverage/**", "build/**", "src/core/data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        require: "readonly",
        module: "readonly",
        __dirname: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
      },
    },
    rules: { "no-console": "off" },
  },
  {
    // CommonJS files (the bin, webpack config, test preloads) load modules with require().
    files: ["**/*.{js,cjs}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Office.js code: load before read, sync before read, no sync in a loop.
    files: ["src/adapters/office/**/*.ts", "src/commands/**/*.ts", "src/automation/**/*.ts", "taskpane/**/*.{ts,tsx}"],
    plugins: { "office-addins": officePlugin },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "warn",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
  {
    // The engine runs in Excel, a plain browser page and Node alike: no host imports or globals.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "child_process", "worker_threads", "stream", "zlib", "crypto"],
              message: "src/core is host-agnostic: do I/O in src/cli or src/adapters.",
            },
            {
              group: ["react", "react-dom", "react-dom/*", "@fluentui/*"],
              message: "src/core must not import UI code.",
            },
            {
              group: ["exceljs", "@microsoft/office-js", "office-addin-*"],
              message: "src/core must not import a host: use src/adapters.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...[
          "Office",
          "Excel",
          "OfficeExtension",
          "CustomFunctions",
          "process",
          "window",
          "document",
          "navigator",
          "localStorage",
          "fetch",
          "XMLHttpRequest",
          "WebSocket",
          "require",
          "Buffer",
          "__dirname",
        ].map((name) => ({ name, message: `src/core must not use the host global ${name}.` })),
      ],
    },
  },
  {
    // Outside the engine, the core is one module: its public entry (src/core/index.ts). Deeper files
    // are the core's own business and may move; the subsystem indexes say what each part offers.
    // (Tests and benchmarks measure inner modules on purpose and may reach them.)
    files: ["src/**/*.{ts,tsx}", "taskpane/**/*.{ts,tsx}", "functions/**/*.{ts,tsx}"],
    ignores: ["src/core/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "(^|/)core/.+",
              message: "Import the engine from its public entry (src/core), not from a file inside it.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["tests/**/*.{ts,tsx}"],
    rules: { "no-console": "off" },
  },
);
