/**
 * The scripts the sandbox runs, which the page inlines into its frame and into
 * blob workers. In `astro dev` they are served bundled under this path
 * (`integrations/sandbox-scripts-in-dev.ts`), as `<name>.js`.
 */
export const DEV_SANDBOX_PATH = '@sandbox-script/';

export const SANDBOX_SCRIPTS = ['frame-main', 'typescript-worker', 'python-worker'] as const;
export type SandboxScript = (typeof SANDBOX_SCRIPTS)[number];
