<%@ page contentType="text/html;charset=UTF-8" session="false" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<c:set var="pageTitle" value="Classify a bucket"/>
<%@ include file="header.jspf" %>
<c:set var="submitProblem" value="${form == 'submit' ? problemField : null}"/>

<section aria-labelledby="submit-heading" class="card">
  <h1 id="submit-heading">Classify the images of a bucket</h1>
  <p>Give your name and a Google Cloud Storage bucket. Every JPEG in it is classified as taken by day or
     by night, in the background; you get a ServiceID to follow the work and fetch the results.</p>
  <c:if test="${form == 'submit' and not empty problemMessage and empty problemField}">
    <p class="alert" role="alert"><c:out value="${problemMessage}"/></p>
  </c:if>
  <form method="post" action="<c:url value='/services'/>" accept-charset="UTF-8" novalidate>
    <div class="field">
      <label for="userName">Your name</label>
      <input id="userName" name="userName" type="text" maxlength="100" required autocomplete="name"
             value="<c:out value='${typedUserName}'/>"
             aria-describedby="userName-hint${submitProblem == 'userName' ? ' userName-error' : ''}"
             <c:if test="${submitProblem == 'userName'}">aria-invalid="true" autofocus</c:if>>
      <p id="userName-hint" class="hint">1 to 100 characters.</p>
      <c:if test="${submitProblem == 'userName'}">
        <p id="userName-error" class="error"><c:out value="${problemMessage}"/></p>
      </c:if>
    </div>
    <div class="field">
      <label for="bucket">Bucket name</label>
      <input id="bucket" name="bucket" type="text" maxlength="222" required spellcheck="false"
             autocapitalize="none" value="<c:out value='${typedBucket}'/>"
             aria-describedby="bucket-hint${submitProblem == 'bucket' ? ' bucket-error' : ''}"
             <c:if test="${submitProblem == 'bucket'}">aria-invalid="true" autofocus</c:if>>
      <p id="bucket-hint" class="hint">The bucket's name only, without <code>gs://</code>, for example
        <code>holiday-photos-2026</code>: lowercase letters, digits, <code>-</code>, <code>_</code> and
        <code>.</code>, 3 to 63 characters.</p>
      <c:if test="${submitProblem == 'bucket'}">
        <p id="bucket-error" class="error"><c:out value="${problemMessage}"/></p>
      </c:if>
    </div>
    <button type="submit">Classify</button>
  </form>
</section>

<div class="lookups">
  <section aria-labelledby="lookup-heading" class="card">
    <h2 id="lookup-heading">Look up a service</h2>
    <form method="get" action="<c:url value='/services'/>">
      <div class="field">
        <label for="serviceId">ServiceID</label>
        <input id="serviceId" name="serviceId" type="text" maxlength="20" required spellcheck="false"
               autocapitalize="characters" placeholder="BK98GPW5" value="<c:out value='${typedServiceId}'/>"
               <c:if test="${form == 'lookup'}">aria-invalid="true" aria-describedby="serviceId-error" autofocus</c:if>>
        <c:if test="${form == 'lookup'}">
          <p id="serviceId-error" class="error"><c:out value="${problemMessage}"/></p>
        </c:if>
      </div>
      <button type="submit">Show</button>
    </form>
  </section>

  <section aria-labelledby="list-heading" class="card">
    <h2 id="list-heading">Your services</h2>
    <form method="get" action="<c:url value='/services'/>">
      <div class="field">
        <label for="listUserName">Your name</label>
        <input id="listUserName" name="userName" type="text" maxlength="100" required
               <c:if test="${form == 'list'}">aria-invalid="true" aria-describedby="list-error" autofocus</c:if>>
        <c:if test="${form == 'list'}">
          <p id="list-error" class="error"><c:out value="${problemMessage}"/></p>
        </c:if>
      </div>
      <button type="submit">List</button>
    </form>
  </section>
</div>
<%@ include file="footer.jspf" %>
