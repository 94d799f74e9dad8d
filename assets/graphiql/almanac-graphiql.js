// Starts GraphiQL against this server's /graphql. Everything it loads is served by Almanac
// itself, so it works with no internet. `?query=` and `?variables=` preload the editors;
// an API token goes in the Headers pane as {"Authorization": "Bearer <token>"}.
(function start() {
  const params = new URLSearchParams(window.location.search);
  const endpoint = new URL('graphql', window.location.href).href;
  const fetcher = GraphiQL.createFetcher({
    url: endpoint,
    // Apollo's CSRF protection wants this on requests a browser could send cross-site.
    headers: { 'apollo-require-preflight': 'true' },
  });
  const defaultQuery = [
    '# Welcome to Almanac. Press the run button (or Ctrl-Enter) to execute.',
    '# Put an API token in the Headers pane: {"Authorization": "Bearer <token>"}',
    '{',
    '  serverInfo { version uptimeSeconds }',
    '  backends { id kind health { ok latencyMs error } }',
    '}',
    '',
  ].join('\n');
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(
    React.createElement(GraphiQL, {
      fetcher,
      defaultQuery,
      query: params.get('query') ?? undefined,
      variables: params.get('variables') ?? undefined,
      shouldPersistHeaders: true,
    }),
  );
})();
