// ESLint 9 flat config: typescript-eslint plus the Office add-in rules (recommended + react).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-output/", "release/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...officeAddins.configs.recommended,
  ...officeAddins.configs.react,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser, ...globals.jest } },
    settings: { react: { version: "19" } },
    rules: {
      // Japanese text legitimately uses the full-width space (U+3000) inside strings.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // eslint-plugin-office-addins re-applies eslint:recommended after typescript-eslint; in TypeScript
    // the compiler already checks undefined names and typescript-eslint checks unused variables.
    files: ["**/*.{ts,tsx}"],
    rules: { "no-undef": "off", "no-unused-vars": "off" },
  },
  {
    // The core is pure: no Office, DOM, Node or i18n. Words are rendered at the edges.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/i18n/**", "**/i18n"],
              message: "The core returns codes; render words in src/i18n at the edges.",
            },
            {
              group: ["**/adapters/**", "**/cli/**", "**/taskpane/**"],
              message: "Data flows one way: the core imports no front end or adapter.",
            },
            {
              group: ["fs", "path", "os", "node:*", "exceljs", "react", "react-dom", "@fluentui/*"],
              message: "The core is pure: no Node, DOM or UI imports.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Runs in Internet Explorer 11 before anything else: parsed as ES5, so newer syntax fails lint.
    files: ["**/*.es5.js"],
    languageOptions: { ecmaVersion: 5, sourceType: "script", globals: { ...globals.browser } },
    rules: { "no-var": "off", "prefer-const": "off", "prefer-rest-params": "off" },
  },
);
