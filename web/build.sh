#!/bin/sh
# Copies the web UI (our sources plus the browser libraries installed from the npm registry by
# `npm ci`) into the package's static directory, which the app serves. No bundler, no CDN.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="${1:-$here/../src/allegiance/api/static}"
modules="$here/node_modules"
if [ ! -d "$modules/cytoscape" ]; then
    echo "web/build.sh: node_modules missing; run 'npm ci --ignore-scripts' in web/ first" >&2
    exit 1
fi
rm -rf "$out"
mkdir -p "$out/vendor"
cp "$here"/src/*.html "$here"/src/*.js "$here"/src/*.css "$out/"
cp "$modules/cytoscape/dist/cytoscape.min.js" \
   "$modules/d3-array/dist/d3-array.min.js" \
   "$modules/d3-geo/dist/d3-geo.min.js" \
   "$modules/d3-dispatch/dist/d3-dispatch.min.js" \
   "$modules/d3-quadtree/dist/d3-quadtree.min.js" \
   "$modules/d3-timer/dist/d3-timer.min.js" \
   "$modules/d3-force/dist/d3-force.min.js" \
   "$modules/topojson-client/dist/topojson-client.min.js" \
   "$modules/world-atlas/countries-110m.json" \
   "$modules/swagger-ui-dist/swagger-ui-bundle.js" \
   "$modules/swagger-ui-dist/swagger-ui.css" \
   "$out/vendor/"
for pkg in cytoscape d3-array d3-geo d3-dispatch d3-quadtree d3-timer d3-force topojson-client world-atlas swagger-ui-dist; do
    cp "$modules/$pkg/LICENSE" "$out/vendor/LICENSE.$pkg" 2>/dev/null || true
done
echo "web/build.sh: web UI written to $out"
