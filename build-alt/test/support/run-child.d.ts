/** Runs a compiled test script in its own Node process; resolves with its output and exit code, or fails when it does not exit by itself within `timeoutMs`. */
export declare function runChild(script: string, args: string[], timeoutMs?: number): Promise<{
    code: number | null;
    output: string;
}>;
