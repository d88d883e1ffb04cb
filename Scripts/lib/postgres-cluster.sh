# shellcheck shell=bash
# A throwaway PostgreSQL cluster for the benchmarks (sourced by Scripts/bench-copy, bench-store and bench-audit):
#   postgres_cluster_start   makes a cluster with initdb in a new temporary folder (as the postgres user when run as
#                            root), listening on a Unix socket in that folder only, starts it and creates the database
#                            "assay" owned by the role "assay"; sets postgres_bin (the server's programs),
#                            postgres_folder (the socket's folder) and postgres_connection (a libpq key/value string).
#   postgres_cluster_stop    stops it and removes its folder; does nothing when none was started. Call it from the
#                            script's EXIT trap, so that the cluster goes even when the script fails.
#   postgres_figures_header, postgres_figures_row MEASURE POSTGRESQL SQLITE
#                            the benchmarks' table of PostgreSQL figures beside SQLite's, in seconds, with the ratio.
postgres_folder=""
postgres_as=()

postgres_cluster_start() {
    postgres_bin=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d | sort -V | tail -1)
    if [[ -z "$postgres_bin" ]]; then
        echo "no PostgreSQL server under /usr/lib/postgresql (Scripts/setup installs it)" >&2
        exit 2
    fi
    postgres_folder=$(mktemp -d "${TMPDIR:-/tmp}/assay-postgres.XXXXXX")
    if [[ $(id -u) == 0 ]]; then
        chown postgres "$postgres_folder"
        postgres_as=(runuser -u postgres --)
    fi
    "${postgres_as[@]}" "$postgres_bin/initdb" -D "$postgres_folder/cluster" -U assay --auth=trust >/dev/null
    "${postgres_as[@]}" "$postgres_bin/pg_ctl" -D "$postgres_folder/cluster" -l "$postgres_folder/server.log" -w \
        -o "-c listen_addresses='' -k $postgres_folder -p 5432" start >/dev/null
    "${postgres_as[@]}" "$postgres_bin/createdb" -h "$postgres_folder" -U assay assay
    # shellcheck disable=SC2034  # read by the scripts that source this file
    postgres_connection="host=$postgres_folder user=assay dbname=assay"
}

postgres_cluster_stop() {
    [[ -n "$postgres_folder" ]] || return 0
    "${postgres_as[@]}" "$postgres_bin/pg_ctl" -D "$postgres_folder/cluster" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$postgres_folder"
    postgres_folder=""
}

postgres_figures_header() {
    printf '%-52s %15s %11s %16s\n' "measure" "PostgreSQL (s)" "SQLite (s)" "ratio PG/SQLite"
}

postgres_figures_row() {
    printf '%-52s %15s %11s %16s\n' "$1" "$2" "$3" \
        "$(awk -v a="$2" -v b="$3" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else print "-" }')"
}
