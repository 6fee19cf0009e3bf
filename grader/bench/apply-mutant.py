"""Applies a mutant to a copy of the reference sources: apply-mutant.py MUTANT TARGET_SOURCE_ROOT.

The mutant format (reference-solutions/mutants/README.md): each block's reference text occurs
exactly once in the file named above it, and is replaced by the mutant text."""
import pathlib
import re
import sys

mutant, target = sys.argv[1], pathlib.Path(sys.argv[2])
text = pathlib.Path(mutant).read_text()
file = None
for part in re.split(r"^(?=file: |<<<<<<< reference$)", text, flags=re.M):
    if part.startswith("file: "):
        file = target / part.split("\n", 1)[0][len("file: "):].strip()
    elif part.startswith("<<<<<<< reference"):
        body = part.split("\n", 1)[1]
        reference, rest = body.split("=======\n", 1)
        mutated = rest.split(">>>>>>> mutant", 1)[0]
        source = file.read_text()
        if source.count(reference) != 1:
            sys.exit(f"{mutant}: its reference text does not occur exactly once in {file}")
        file.write_text(source.replace(reference, mutated))
