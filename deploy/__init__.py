"""Running the app for real: replicas behind a load balancer (see README, "Deploy")."""
