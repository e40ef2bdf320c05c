"""Read: what each article says (entities, quotes, numbers, times), offsets into its text."""
