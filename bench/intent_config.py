"""Write config.yml with the intent classifier as the only component (INTENTS=1 of the NLU
benchmarks): it reads only the message text, so its intents are the full pipeline's."""

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def intents_only(config: dict) -> dict:
    pipeline = [c for c in config["pipeline"] if c["name"].endswith("LinearIntentClassifier")]
    return {**config, "pipeline": pipeline, "policies": []}


if __name__ == "__main__":
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    Path(sys.argv[1]).write_text(yaml.safe_dump(intents_only(config)))
