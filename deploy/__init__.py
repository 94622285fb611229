"""Running the app for real: replicas behind a load balancer (see docs/deploying.md)."""
