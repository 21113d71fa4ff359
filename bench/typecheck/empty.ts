// The baseline of bench/typecheck.mjs: the same compiler, options and lib files, no code.
export {};
