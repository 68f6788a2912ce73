package com.daynight.web;

import com.daynight.service.ImageResult;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A service's results as CSV: {@code image,result,confidence}, one row per image; Jackson does the quoting. */
final class ResultsCsv {

    private static final CsvSchema SCHEMA = CsvSchema.builder()
            .addColumn("image").addColumn("result").addColumn("confidence")
            .build().withHeader();

    /**
     * Jackson's sequence writer flushes after every value by default: one row per flush, so each CSV row went out
     * as an HTTP chunk of its own and cost a write to the socket (15,000 rows took 6x as long as their JSON). The
     * servlet's buffer now decides when bytes go out, as it does for the JSON.
     */
    private final CsvMapper mapper = CsvMapper.builder().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).build();

    /** An open CSV answer; rows are written as they come from the database. */
    final class Rows implements AutoCloseable {
        private final SequenceWriter out;

        private Rows(SequenceWriter out) {
            this.out = out;
        }

        void write(ImageResult result) {
            String confidence = result instanceof ImageResult.Classified classified
                    ? fourDecimals(classified.confidence()) : "";
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

    /** As String.format("%.4f") writes it (half up, from the shortest decimal form), without parsing a format. */
    static String fourDecimals(double value) {
        return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).toPlainString();
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
