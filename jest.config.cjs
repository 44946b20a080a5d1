/** Jest: ts-jest with isolatedModules (fast; `npm run typecheck` does the type checking). */
module.exports = {
  testEnvironment: "node",
  // Property tests run hundreds of cases; a loaded 2-core machine must not turn them into timeouts.
  testTimeout: 30000,
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "<rootDir>/tests/tsconfig.json" }],
  },
  setupFilesAfterEnv: ["<rootDir>/tests/setup/silent-console.ts"],
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/tests/setup/office-addin-manifest-stub.cjs",
  },
};
