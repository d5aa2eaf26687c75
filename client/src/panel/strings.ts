/**
 * Every user-visible string of the placement page. The extension passes `vscode.l10n` so each
 * `l10n.t('…')` call below is found by `@vscode/l10n-dev export` and translated through
 * `l10n/bundle.l10n.<lang>.json`; tests pass an identity. `{0}`-style placeholders are filled
 * by the page. Kubernetes words (DESIRED, Pending, maxSurge, taint text) stay as Kubernetes
 * prints them unless a translation chooses otherwise.
 */
export interface L10n {
  t(message: string): string;
}

export function panelStrings(l10n: L10n) {
  return {
    pageTitle: l10n.t('DaemonSet placement'),
    updating: l10n.t('Updating…'),
    // Inventory header
    inventory: l10n.t('Inventory'),
    sourceSample: l10n.t('sample'),
    sourceFile: l10n.t('file'),
    sourceCluster: l10n.t('cluster'),
    nodesCount: l10n.t('{0} nodes'),
    podsCount: l10n.t('{0} pods'),
    switchInventory: l10n.t('Switch inventory…'),
    refreshInventory: l10n.t('Refresh inventory'),
    asOf: l10n.t('as of {0}'),
    justNow: l10n.t('just now'),
    minutesAgo: l10n.t('{0} min ago'),
    hoursAgo: l10n.t('{0} h ago'),
    daysAgo: l10n.t('{0} days ago'),
    stale: l10n.t('stale'),
    staleHint: l10n.t('This data may be out of date: the cluster has not answered since then. Refresh, or switch to another inventory.'),
    fallbackTitle: l10n.t('Could not use the requested inventory'),
    fallbackBody: l10n.t('{0} {1}: {2}'),
    fallbackShowing: l10n.t('Showing {0} instead.'),
    clusterUnreachable: l10n.t('Cluster unreachable'),
    sampleHint: l10n.t('These are sample nodes, not your cluster. Switch to an inventory file or a kube context to see real placement.'),
    noNodesTitle: l10n.t('The inventory has no nodes'),
    noNodesBody: l10n.t('Choose an inventory with nodes: the bundled sample cluster, a file of Node objects (kubectl get nodes -o yaml), or a kube context.'),
    // Summary
    summary: l10n.t('Summary'),
    colDesired: l10n.t('DESIRED'),
    colCurrent: l10n.t('CURRENT'),
    colReady: l10n.t('READY'),
    colMisscheduled: l10n.t('MISSCHEDULED'),
    colNodes: l10n.t('NODES'),
    verdictRuns: l10n.t('Runs'),
    verdictPending: l10n.t('Pending'),
    verdictExcluded: l10n.t('Excluded'),
    verdictRunsHelp: l10n.t('The controller creates a pod and the scheduler can bind it.'),
    verdictPendingHelp: l10n.t('The controller creates a pod, but the scheduler cannot bind it: the pod stays Pending.'),
    verdictExcludedHelp: l10n.t('The controller creates no pod for this node.'),
    dsMessages: l10n.t('The controller cannot sync this DaemonSet'),
    // Changes since save
    changesTitle: l10n.t('Since the last save'),
    gained: l10n.t('Now also on {0}'),
    lost: l10n.t('No longer on {0}'),
    noChanges: l10n.t('Runs on the same nodes as the saved file.'),
    // Nodes
    nodes: l10n.t('Nodes'),
    filterPlaceholder: l10n.t('Filter: name, label, taint, zone, reason'),
    filterLabel: l10n.t('Filter nodes'),
    sortLabel: l10n.t('Sort by'),
    sortName: l10n.t('Name'),
    sortVerdict: l10n.t('Verdict'),
    sortZone: l10n.t('Zone'),
    groupByReason: l10n.t('Group by reason'),
    shownOf: l10n.t('{0} of {1} nodes shown'),
    noMatch: l10n.t('No node matches the filter. Clear it to see all nodes.'),
    clearFilter: l10n.t('Clear filter'),
    statusReady: l10n.t('Ready'),
    statusNotReady: l10n.t('NotReady'),
    statusUnknown: l10n.t('Unknown'),
    statusCordoned: l10n.t('SchedulingDisabled'),
    rolesNone: l10n.t('<none>'),
    zoneNone: l10n.t('no zone'),
    labelMissing: l10n.t('no label {0}'),
    taintTolerated: l10n.t('tolerated'),
    taintUntolerated: l10n.t('not tolerated'),
    revealReason: l10n.t('Show the YAML responsible: {0}'),
    showInYaml: l10n.t('Show in YAML'),
    fixProven: l10n.t('Checked before it was offered: with this edit the placement engine shows the node running.'),
    fixProvenExclude: l10n.t('Checked before it was offered: with this edit the controller creates no pod on the node.'),
    laterReasons: l10n.t('Once that is resolved, the scheduler would report:'),
    preempts: l10n.t('Runs only by preempting {0}'),
    priority: l10n.t('priority {0}'),
    existingKept: l10n.t('an existing daemon pod keeps running'),
    existingEvicted: l10n.t('an existing daemon pod is evicted'),
    rowLabel: l10n.t('{0}: {1}. {2}'),
    groupLabel: l10n.t('{0}: {1} nodes'),
    noReason: l10n.t('all scheduler filters pass'),
    // Footprint
    footprint: l10n.t('Footprint'),
    perPod: l10n.t('Per pod'),
    cpu: l10n.t('cpu'),
    memory: l10n.t('memory'),
    timesNodes: l10n.t('× {0} nodes'),
    clusterWide: l10n.t('Reserved cluster-wide'),
    footprintGrows: l10n.t('Grows with every node added: each new node it runs on reserves another {0} cpu and {1} memory.'),
    footprintPending: l10n.t('{0} pending pods would reserve {1} cpu and {2} memory more once scheduled.'),
    noRequests: l10n.t(
      'No container requests cpu or memory: the scheduler reserves nothing for these pods, and they are the first to be evicted under node pressure.',
    ),
    // Rollout
    rollout: l10n.t('Rollout'),
    defaulted: l10n.t('(default)'),
    rolloutUnavailable: l10n.t('Deletes up to {0} old pods at a time and creates their replacements: {1} waves over {2} nodes.'),
    rolloutSurge: l10n.t(
      'Creates up to {0} new pods beside the old ones and deletes each old pod once its replacement is available: {1} waves over {2} nodes.',
    ),
    rolloutFallback: l10n.t('maxUnavailable and maxSurge both come to 0 here, so the controller uses maxUnavailable 1.'),
    rolloutPercent: l10n.t('{0} of {1} nodes, rounded up: {2}'),
    minReady: l10n.t('Each new pod counts as available {0} s after it is Ready (minReadySeconds), so each wave takes at least that long.'),
    minReadyZero: l10n.t('Each new pod counts as available as soon as it is Ready (minReadySeconds 0).'),
    onDelete: l10n.t(
      'OnDelete: the controller never replaces pods on its own. After a template change, a node gets the new pod only when you delete its old pod.',
    ),
    perWave: l10n.t('PER WAVE'),
    waves: l10n.t('WAVES'),
    rolloutNoNodes: l10n.t('No node runs this DaemonSet: an update has nothing to replace.'),
    rolloutError: l10n.t('The controller cannot update: {0}'),
    rolloutUnknown: l10n.t('Unknown updateStrategy.type {0}: the API server rejects it (supported values: "RollingUpdate", "OnDelete").'),
    // Empty states
    emptyNoEditorTitle: l10n.t('No manifest open'),
    emptyNoEditor: l10n.t('Open a YAML file with a DaemonSet (apps/v1) to see which nodes it runs on.'),
    emptyNotYamlTitle: l10n.t('Not a YAML file'),
    emptyNotYaml: l10n.t('The active editor is not YAML. Switch to a DaemonSet manifest.'),
    emptyNoDaemonSetTitle: l10n.t('No DaemonSet in this file'),
    emptyNoDaemonSet: l10n.t(
      'Add a document with apiVersion: apps/v1 and kind: DaemonSet (the "DaemonSet" snippet writes one), and fix YAML errors if there are any.',
    ),
    emptyNotHereTitle: l10n.t('The cursor is not in a DaemonSet'),
    emptyNotHere: l10n.t('Move the cursor into one of the DaemonSets of this file:'),
    goTo: l10n.t('Go to {0} (line {1})'),
    emptyStartingTitle: l10n.t('Starting'),
    emptyStarting: l10n.t('The DaemonSet language server is starting.'),
    emptyErrorTitle: l10n.t('Placement could not be computed'),
    emptyError: l10n.t('{0} See the output channel "DaemonSet Language Server" for details.'),
  };
}

export type PanelStrings = ReturnType<typeof panelStrings>;

/** Fills `{0}`, `{1}`… the way vscode.l10n.t does. */
export function fmt(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}
