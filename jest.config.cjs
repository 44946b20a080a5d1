/** Jest: ts-jest with isolatedModules (fast; `npm run typecheck` does the type checking). */
module.exports = {
  testEnvironment: "node",
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
