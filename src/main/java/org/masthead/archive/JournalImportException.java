package org.masthead.archive;

import org.masthead.archive.source.ImportFileException;

/**
 * Why a Masthead export cannot be imported at all (a damaged or hostile zip, another format, a journal that already
 * has other articles): a message key of {@code messages.properties} with its arguments. Nothing was written.
 */
public class JournalImportException extends ImportFileException {

    public JournalImportException(String messageKey, Object... arguments) {
        super(messageKey, java.util.Arrays.toString(arguments), arguments);
    }
}
