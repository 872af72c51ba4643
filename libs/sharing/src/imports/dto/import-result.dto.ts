import { ApiProperty } from '@nestjs/swagger';

export const IMPORT_KINDS = ['corridors', 'windows', 'evacuations'] as const;
export type ImportKindName = (typeof IMPORT_KINDS)[number];

export class ImportProblemDto {
  @ApiProperty({
    nullable: true,
    type: 'integer',
    description: 'The row as a spreadsheet numbers it (the header is row 1); null for the file as a whole.',
    example: 4,
  })
  row: number | null;

  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The column header; null for the row as a whole.',
    example: 'origin',
  })
  column: string | null;

  @ApiProperty({ example: 'No place is named "Zaporizhia".' }) message: string;
}

export class ImportResultDto {
  @ApiProperty({ enum: IMPORT_KINDS }) kind: ImportKindName;
  @ApiProperty({ description: 'Nothing was stored: the rows were only checked.' }) dryRun: boolean;
  @ApiProperty({
    type: 'integer',
    description: 'Rows under the header (and the HXL hashtag row, when there is one).',
  })
  rows: number;
  @ApiProperty({ type: 'integer', description: 'Rows with no problem.' }) valid: number;
  @ApiProperty({ type: 'integer', description: 'Rows this request stored (0 on a dry run).' }) stored: number;
  @ApiProperty({
    type: 'integer',
    description: 'Rows imported before (the same row of this or another file): nothing new to store.',
  })
  unchanged: number;
  @ApiProperty({
    type: 'integer',
    description: 'How many problems were found; `errors` lists the first 5,000.',
  })
  errorCount: number;
  @ApiProperty({ type: [ImportProblemDto] }) errors: ImportProblemDto[];
}
