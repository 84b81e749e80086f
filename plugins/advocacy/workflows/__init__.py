"""What the repository's scheduled GitHub workflows do, as plain functions: the source link check and the
support requests' answer times. Imports the site layer and below."""
