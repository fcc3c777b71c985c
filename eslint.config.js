// Lint: typescript-eslint's recommended rules and Vue's, zero warnings allowed (npm run lint).
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import vueParser from 'vue-eslint-parser';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tmp/**', 'data/**', 'server/db/migrations/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
    },
  },
  ...walls(),
  {
    // Tests and benches handle loosely shaped JSON answers.
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

/**
 * The architecture's inner walls (STYLE.md "Walls are checked, not hoped
 * for"): which folder may import which. An import that runs back up is a
 * design question, not a convenience, so it fails the lint.
 */
function walls() {
  const up = (folder) => `^(\\.\\./)+${folder}(/|$)`;
  const banned = (...rules) => ({ patterns: rules.map(([regex, message]) => ({ regex, message })) });
  const IO_MODULES = ['^node:', '^(fs|path|os|crypto|http|https|net|child_process|zlib|stream)$', '^(pg|@electric-sql/pglite|drizzle-orm|hono|@hono/|dexie|vue|pinia|vue-router|exceljs)'];
  const rule = (files, ...rules) => ({ files, rules: { 'no-restricted-imports': ['error', banned(...rules)] } });
  return [
    rule(['shared/**/*.ts'], [up('(app|server)'), 'shared/ is used by both app and server and imports neither'], ...IO_MODULES.map((m) => [m, 'shared/ is pure: no I/O, no framework'])),
    rule(['app/**/*.{ts,vue}'], [up('server'), 'the app talks to the server over HTTP only']),
    rule(
      ['app/views/**/*.{ts,vue}', 'app/components/**/*.{ts,vue}'],
      [up('server'), 'the app talks to the server over HTTP only'],
      ['^dexie$', 'views and components read and write through a store or composable, never Dexie'],
      [up('(db|sync)'), 'views and components read and write through a store or composable (app/db and app/sync are the data layer)'],
    ),
    rule(['server/**/*.ts'], [up('app'), 'the server never imports the app']),
    rule(['server/domain/**/*.ts'], [up('(app|http|export)'), 'server/domain is below server/http and server/export: throw domain errors, let http map them; export formats what the domain computed']),
    rule(['server/repo/**/*.ts', 'server/db/**/*.ts'], [up('(app|http|domain|export)'), 'server/repo and server/db are the bottom layers: they import only db and shared']),
    {
      files: ['app/views/**/*.{ts,vue}', 'app/components/**/*.{ts,vue}'],
      rules: { 'no-restricted-globals': ['error', { name: 'fetch', message: 'use the request client through a store or composable' }] },
    },
  ];
}
