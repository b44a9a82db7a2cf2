/**
 * Tests of what `npm run release` wrote to release/ (run it first): `npm run test:release`.
 * Kept out of `npm test`, which must not need a ~90 s release build; .ci/run runs both.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/release"],
  testMatch: ["**/*.release.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 120000,
};
