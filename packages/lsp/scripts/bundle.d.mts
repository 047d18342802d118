/** Types of bundle.mjs, for the tests that build a server to drive. */
export declare const lspRoot: string;
export declare function bundleServer(outfile?: string): Promise<string>;
export declare function bundleExtension(outfile?: string): Promise<string>;
