// Fails loudly when npm scripts would run on a Node other than the pinned one (the `node`
// package installs it in a preinstall script; `npm ci --ignore-scripts` skips that).
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
	console.error(
		`\n  Trellis needs the pinned Node 24 from node_modules/.bin/node, but this is ${process.version}.\n` +
			`  Run "npm ci" (or "npm install") with install scripts enabled so the "node" package can install it.\n`
	);
	process.exit(1);
}
