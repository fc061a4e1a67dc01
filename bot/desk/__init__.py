"""The desk process: consultant web app (later), the public web chat and health."""
