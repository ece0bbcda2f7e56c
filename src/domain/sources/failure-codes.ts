// Why a pull gave no value. The views put each into plain words; the adapters raise them.
export type SourceFailureCode =
  | 'missing_secret'
  | 'timeout'
  | 'unreachable'
  | 'server_error'
  | 'refused_write'
  | 'query_error'
  | 'no_row'
  | 'several_rows'
  | 'not_a_number'
  | 'out_of_range'
  | 'bad_response'
  | 'too_large'
  | 'no_match'
  | 'bad_url'
  | 'host_not_allowed'
  | 'file_missing';
