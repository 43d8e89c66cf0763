"""Small building blocks shared by services: the one outbound HTTP client, input guards."""
