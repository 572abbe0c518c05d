// Monaco's JSON language registers itself on import and has no type declarations of its own.
declare module "monaco-editor/language/json/monaco.contribution";
