# Developer and CI entry points. `make test` is the one test command (CI runs it).
.PHONY: test report bench bench-build fmt schema

test:
	scripts/test.sh

# The main job: report of the embedded synthetic dataset (or DATASET=path.json) into out/.
report:
	cargo run --release -p clusterpolicy --features cli -- report $(DATASET) --out out

fmt:
	cargo fmt --all

# Regenerate the committed JSON Schema after changing a type of the data model.
schema:
	UPDATE_SCHEMA=1 cargo test -p clusterpolicy-tests --test schema

# Peer benchmarks (not part of `make test`); see benches/README.md.
bench:
	benches/run.sh
