// Several `lighthouse` command lines run in one Node process against one Chromium; run by
// tests/e2e/test_browser_checks.py.
//   node tests/e2e/lighthouse.mjs '[["URL", "--flag", ...], ...]'
// Each command line is read by the `lighthouse` command's own flag parser and run as the command
// runs it (lighthouse/cli/bin.js and run.js: its `--preset`, `--quiet`, `--output-path`), except
// that Lighthouse connects to one Chromium, started once by chrome-launcher with the runs'
// `--chrome-flags` (they must all give the same), instead of a Chromium of its own: each run
// opens a new tab, resets the origin's storage and the browser's caches, and closes the tab, as
// it does in a Chromium of its own. What one command per run pays again and again (Node with
// Lighthouse loaded, a Chromium start) is paid once. One JSON line per run:
// {"url", "output", "error"}, the error as the command prints it ("Runtime error encountered:
// ..."), or null. It never downloads a browser: CHROME_PATH (default /usr/bin/chromium).
// The launcher the `lighthouse` command uses (a dependency of lighthouse, pinned by
// package-lock.json).
import * as ChromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { getFlags } from "lighthouse/cli/cli-flags.js";
import { parseChromeFlags, saveResults } from "lighthouse/cli/run.js";
import log from "lighthouse-logger";

const commands = JSON.parse(process.argv[2] || "[]");
if (commands.length === 0) {
  console.error("usage: node tests/e2e/lighthouse.mjs '[[URL, FLAGS...], ...]'");
  process.exit(2);
}
const runs = commands.map((args) => getFlags(args, { noExitOnFailure: true }));
const chromeFlags = runs[0].chromeFlags;
if (runs.some((flags) => flags.chromeFlags !== chromeFlags)) {
  console.error("every run must give the same --chrome-flags (they share one Chromium)");
  process.exit(2);
}

const chrome = await ChromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: parseChromeFlags(chromeFlags),
  logLevel: "silent",
});
let failed = 0;
try {
  for (const flags of runs) {
    const url = flags._[0];
    const config = flags.preset
      ? (await import(`lighthouse/core/config/${flags.preset}-config.js`)).default
      : undefined;
    flags.logLevel = flags.verbose ? "verbose" : flags.quiet ? "silent" : "info";
    log.setLevel(flags.logLevel);
    flags.port = chrome.port;
    flags.channel = "cli";
    let error = null;
    try {
      const result = await lighthouse(url, flags, config);
      if (result) await saveResults(result, flags);
      if (result?.lhr.runtimeError) error = result.lhr.runtimeError.message;
    } catch (thrown) {
      error = thrown.friendlyMessage || thrown.message;
    }
    if (error) {
      failed += 1;
      error = `Runtime error encountered: ${error}`;
    }
    process.stdout.write(JSON.stringify({ url, output: flags.outputPath, error }) + "\n");
  }
} finally {
  chrome.kill();
}
process.exit(failed ? 1 : 0);
