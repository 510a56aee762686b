"""Scaling out: the same extraction function run by Ray Data, results attached to the store."""
