-- Candidate pairs select precincts whose anchor falls in a box around each volunteer's home (PostgisCandidatePairs):
-- a plain geometry index serves that box test, cheaper than the sphere distance the geography index served.
CREATE INDEX precinct_anchor_idx ON precinct USING gist (anchor);
