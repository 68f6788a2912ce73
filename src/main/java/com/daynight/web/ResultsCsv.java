package com.daynight.web;

import com.daynight.service.ImageResult;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/** A service's results as CSV: {@code image,result,confidence}, one row per image; Jackson does the quoting. */
final class ResultsCsv {

    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("image").addColumn("result").addColumn("confidence")
            .build().withHeader();

    private final CsvMapper mapper = new CsvMapper();

    /** An open CSV answer; rows are written as they come from the database. */
    final class Rows implements AutoCloseable {
        private final SequenceWriter out;

        private Rows(SequenceWriter out) {
            this.out = out;
        }

        void write(ImageResult result) {
            String confidence = result instanceof ImageResult.Classified classified
                    ? String.format(Locale.ROOT, "%.4f", classified.confidence()) : "";
            try {
                out.write(new String[] {neutralised(result.image()), neutralised(result.result()), confidence});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    Rows open(Writer target) throws IOException {
        return new Rows(mapper.writerFor(String[].class).with(SCHEMA).writeValues(target));
    }

    /**
     * Image names come from whoever filled the bucket. A spreadsheet opening the CSV would run a cell that
     * starts with = + - @ (or a tab or carriage return) as a formula, so such a cell gets a leading
     * apostrophe and is shown as text (OWASP's advice against CSV injection).
     */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
